package io.sessiongate.api.apiserver;

/** The stable, machine-readable name of each rule an APIServer request can break. */
public enum ErrorCode {
    SESSION_SURROGATE_MISSING,
    SESSION_SURROGATE_INVALID,
    SESSION_NOT_FOUND,
    SESSION_NOT_ACTIVE,
    SITE_KEY_MISSING,
    SITE_NOT_FOUND,
    USER_SURROGATE_INVALID,
    USER_NOT_FOUND,
    USER_CANNOT_CHANGE,
    IP_ADDRESS_INVALID,
    STATUS_MISSING,
    STATUS_INVALID,
    REFRESH_INVALID,
    NO_FOLDER_LIST_FOUND,
    SESSION_CHANGED,
    BODY_UNREADABLE,
    NOT_AUTHENTICATED,
    /** A browser said the request came from another site: refused before any credential is looked at. */
    CROSS_SITE_REFUSED,
    /** HEAD on a method that changes state: nothing is done. */
    METHOD_NOT_ALLOWED,
    SYSTEM_ERROR
}
