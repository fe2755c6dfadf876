package io.sessiongate.core.rescue;

/** Where a customer's support session stands. */
public enum SupportSessionStatus {
    WAITING,
    ACTIVE,
    ON_HOLD,
    TRANSFERRING,
    CLOSED
}
