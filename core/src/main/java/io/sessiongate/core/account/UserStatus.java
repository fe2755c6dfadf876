package io.sessiongate.core.account;

/** Whether a user may log in and act. */
public enum UserStatus {
    ENABLED,
    DISABLED,
    DELETED
}
