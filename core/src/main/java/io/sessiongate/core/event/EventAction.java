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
    /** A customer joined a support session (by PIN code, or a new one in a channel's queue). */
    JOINED,
    /** The customer left a support session. */
    LEFT,
    /** A PIN code's validity ran out before a customer used it (the sweeper; TIMED_OUT for the time-outs). */
    EXPIRED,
    /** requestPINCode: a session born with a PIN code (the code itself is not recorded). */
    PIN_ISSUED,
    /** Administration: an object made, changed (fields in before/after), moved, deleted. */
    CREATED,
    CHANGED,
    MOVED,
    DELETED,
    /** A channel assigned to, or taken from, a technician group. */
    ASSIGNED,
    UNASSIGNED,
    /** A credential (API token) revoked. */
    REVOKED,
    /** A report setting of a web session or auth code changed (setReportArea_v8, setTimezone, ...). */
    REPORT_SETTINGS_CHANGED
}
