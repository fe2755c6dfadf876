package io.sessiongate.core.account;

/** What a role lets its holder do in the Rescue API. */
public enum RoleKind {
    MASTER_ADMINISTRATOR,
    ADMINISTRATOR,
    TECHNICIAN;

    /** Administrators (master or not) may manage support sessions: transferSession and friends. */
    public boolean administers() {
        return this == MASTER_ADMINISTRATOR || this == ADMINISTRATOR;
    }
}
