package io.sessiongate.core.event;

/** What happened to the object of an event. */
public enum EventAction {
    TRANSFERRED,
    LOGGED_IN,
    LOGIN_COMPLETED,
    LOGGED_OUT,
    TIMED_OUT,
    UPDATED,
    AUTH_CODE_ISSUED
}
