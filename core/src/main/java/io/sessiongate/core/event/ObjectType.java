package io.sessiongate.core.event;

/** What kind of object an event is about. */
public enum ObjectType {
    SUPPORT_SESSION,
    WEB_SESSION,
    USER
}
