package io.sessiongate.core.rescue;

/**
 * Where a customer's support session stands (DESIGN.md, "Support session lifecycle"). Stored by
 * name; the migration's check constraint lists the same names. Which change is allowed from which
 * status is decided once, in {@link SessionLifecycle}.
 */
public enum SupportSessionStatus {
    /** A PIN code was issued; the customer has not entered it yet. Not listed by getSession. */
    PIN_ISSUED,
    WAITING,
    TRANSFERRING,
    ACTIVE,
    ON_HOLD,
    CLOSED_BY_TECHNICIAN,
    CLOSED_BY_CUSTOMER,
    CLOSED_BY_WAITING_CUSTOMER,
    /** The account's waiting or active idle time-out. */
    TIMED_OUT,
    /** A PIN code never used within the account's PIN validity. Not listed by getSession. */
    EXPIRED;

    /** A final status: nothing may change the session any more. */
    public boolean isFinal() {
        return switch (this) {
            case PIN_ISSUED, WAITING, TRANSFERRING, ACTIVE, ON_HOLD -> false;
            case CLOSED_BY_TECHNICIAN, CLOSED_BY_CUSTOMER, CLOSED_BY_WAITING_CUSTOMER, TIMED_OUT, EXPIRED -> true;
        };
    }
}
