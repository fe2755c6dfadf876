package io.sessiongate.core.event;

/** What happened to the object of an event. */
public enum EventAction {
    TRANSFERRED,
    LOGGED_IN,
    LOGIN_COMPLETED,
    LOGGED_OUT,
    TIMED_OUT,
    UPDATED,
    AUTH_CODE_ISSUED,
    /** A support session picked up (or resumed from hold). */
    STARTED,
    HELD,
    CLOSED,
    /** cancelAction: a pending transfer undone. */
    ACTION_CANCELLED,
    /** requestPINCode: a session born with a PIN code (the code itself is not recorded). */
    PIN_ISSUED,
    /** A report setting of a web session or auth code changed (setReportArea_v8, setTimezone, ...). */
    REPORT_SETTINGS_CHANGED
}
