package io.sessiongate.core.account;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a role lets its holder do in the Rescue API. */
public enum RoleKind {
    MASTER_ADMINISTRATOR,
    ADMINISTRATOR,
    TECHNICIAN;

    /** Administrators (master or not) may manage support sessions: transferSession and friends. */
    public boolean administers() {
        return this == MASTER_ADMINISTRATOR || this == ADMINISTRATOR;
    }

    /** The kinds that administer, as an SQL list of string literals ({@code 'A', 'B'}), for SQL that needs the rule. */
    public static String administeringAsSql() {
        return Arrays.stream(values()).filter(RoleKind::administers).map(k -> "'" + k.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
