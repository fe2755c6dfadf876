package io.sessiongate.core.event;

/** What kind of object an event is about. */
public enum ObjectType {
    SUPPORT_SESSION,
    WEB_SESSION,
    USER,
    ACCOUNT,
    /** A node of the hierarchy: group, channel, organisation node (people are {@link #USER}s). */
    NODE,
    ROLE,
    FOLDER_LIST,
    API_TOKEN
}
