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

    /** A master administrator acts on the whole account, whatever folder list they hold. */
    public boolean actsOnWholeAccount() {
        return this == MASTER_ADMINISTRATOR;
    }

    /** The kinds that act on the whole account, as an SQL list of string literals. */
    public static String wholeAccountAsSql() {
        return Arrays.stream(values()).filter(RoleKind::actsOnWholeAccount).map(k -> "'" + k.name() + "'")
                .collect(Collectors.joining(", "));
    }

    /** The kinds that administer, as an SQL list of string literals ({@code 'A', 'B'}), for SQL that needs the rule. */
    public static String administeringAsSql() {
        return Arrays.stream(values()).filter(RoleKind::administers).map(k -> "'" + k.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
