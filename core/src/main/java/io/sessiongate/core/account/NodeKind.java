package io.sessiongate.core.account;

/** What an entry of an account's hierarchy is. */
public enum NodeKind {
    TECHNICIAN_GROUP,
    ADMINISTRATOR_GROUP,
    TECHNICIAN,
    ADMINISTRATOR,
    CHANNEL;

    /** Groups are what folder lists are made of. */
    public boolean isGroup() {
        return this == TECHNICIAN_GROUP || this == ADMINISTRATOR_GROUP;
    }
}
