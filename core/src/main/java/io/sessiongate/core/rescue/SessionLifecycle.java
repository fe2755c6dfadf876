package io.sessiongate.core.rescue;

import java.util.Optional;

/**
 * The one place that decides which change of a support session is allowed from which status, and
 * the status it leads to (DESIGN.md, "Support session lifecycle"). Services ask here and apply the
 * answer in one transaction under the row's version.
 */
public final class SessionLifecycle {

    /** What may happen to a session. */
    public enum Change {
        /** The customer enters the PIN code. */
        JOIN,
        /** A technician picks the session up (startSession, the console), or resumes it from hold. */
        START,
        HOLD,
        /** closeSession: the technician (or an administrator) ends it. */
        CLOSE,
        /** The customer leaves. */
        CUSTOMER_LEAVE,
        /** The waiting or active idle time-out. */
        TIME_OUT,
        /** The PIN's validity ran out. */
        EXPIRE,
        TRANSFER_TO_TECHNICIAN,
        TRANSFER_TO_CHANNEL,
        /** cancelAction: a transfer not yet picked up goes back to the status before it. */
        CANCEL_TRANSFER
    }

    private SessionLifecycle() {
    }

    /**
     * The status {@code change} leads to from {@code from}, or empty when it is not allowed.
     *
     * @param beforeTransfer the status before a pending transfer (null when none), for {@link Change#CANCEL_TRANSFER}
     */
    public static Optional<SupportSessionStatus> next(SupportSessionStatus from, Change change,
                                                      SupportSessionStatus beforeTransfer) {
        SupportSessionStatus to = switch (from) {
            case PIN_ISSUED -> switch (change) {
                case JOIN -> SupportSessionStatus.WAITING;
                case EXPIRE -> SupportSessionStatus.EXPIRED;
                default -> null;
            };
            case WAITING, TRANSFERRING -> switch (change) {
                case START -> SupportSessionStatus.ACTIVE;
                case CLOSE -> SupportSessionStatus.CLOSED_BY_TECHNICIAN;
                case CUSTOMER_LEAVE -> SupportSessionStatus.CLOSED_BY_WAITING_CUSTOMER;
                case TIME_OUT -> SupportSessionStatus.TIMED_OUT;
                case TRANSFER_TO_TECHNICIAN -> SupportSessionStatus.TRANSFERRING;
                case TRANSFER_TO_CHANNEL -> SupportSessionStatus.WAITING;
                case CANCEL_TRANSFER -> beforeTransfer;
                case JOIN, HOLD, EXPIRE -> null;
            };
            case ACTIVE -> switch (change) {
                case HOLD -> SupportSessionStatus.ON_HOLD;
                case CLOSE -> SupportSessionStatus.CLOSED_BY_TECHNICIAN;
                case CUSTOMER_LEAVE -> SupportSessionStatus.CLOSED_BY_CUSTOMER;
                case TIME_OUT -> SupportSessionStatus.TIMED_OUT;
                case TRANSFER_TO_TECHNICIAN -> SupportSessionStatus.TRANSFERRING;
                case TRANSFER_TO_CHANNEL -> SupportSessionStatus.WAITING;
                case JOIN, START, EXPIRE, CANCEL_TRANSFER -> null;
            };
            // "On Hold sessions will never time out."
            case ON_HOLD -> switch (change) {
                case START -> SupportSessionStatus.ACTIVE;
                case CLOSE -> SupportSessionStatus.CLOSED_BY_TECHNICIAN;
                case CUSTOMER_LEAVE -> SupportSessionStatus.CLOSED_BY_CUSTOMER;
                case TRANSFER_TO_TECHNICIAN -> SupportSessionStatus.TRANSFERRING;
                case TRANSFER_TO_CHANNEL -> SupportSessionStatus.WAITING;
                case JOIN, HOLD, TIME_OUT, EXPIRE, CANCEL_TRANSFER -> null;
            };
            case CLOSED_BY_TECHNICIAN, CLOSED_BY_CUSTOMER, CLOSED_BY_WAITING_CUSTOMER, TIMED_OUT, EXPIRED -> null;
        };
        return Optional.ofNullable(to);
    }
}
