package io.sessiongate.core.websession;

/**
 * The one authentication step of a request, decided against the {@link Policy} its method needs:
 * the caller, or why they are refused. Each API maps a refusal to its own code.
 */
public sealed interface Admission {

    /** Who may call a method. */
    enum Policy {
        /** Any enabled user. */
        ANY_USER,
        /** An enabled user with a technician node (a console). */
        TECHNICIAN,
        /** An enabled user with an administering role. */
        ADMINISTRATOR
    }

    /**
     * Why a caller is refused, in the order the checks run (the vendor's order): an auth code that is
     * not valid; no login; for {@link Policy#ADMINISTRATOR}, not an administrator; a disabled or
     * deleted user; for {@link Policy#TECHNICIAN}, no technician node.
     */
    enum Refusal {
        INVALID_AUTH_CODE,
        NOT_LOGGED_IN,
        NOT_AN_ADMINISTRATOR,
        USER_DISABLED,
        NOT_A_TECHNICIAN;

        /**
         * The Rescue API's answer to this refusal, in the codes of one method: its invalid auth code, its
         * not-logged-in code (also for a caller the method's policy does not admit) or its disabled-user code.
         */
        public <R> R rescueCode(R invalidAuthCode, R notLoggedIn, R userDisabled) {
            return switch (this) {
                case INVALID_AUTH_CODE -> invalidAuthCode;
                case NOT_LOGGED_IN, NOT_AN_ADMINISTRATOR, NOT_A_TECHNICIAN -> notLoggedIn;
                case USER_DISABLED -> userDisabled;
            };
        }
    }

    record Admitted(Caller caller) implements Admission {
    }

    record Refused(Refusal refusal) implements Admission {
    }

    /** Decides {@code authentication} against {@code policy}. */
    static Admission of(Authentication authentication, Policy policy) {
        if (authentication instanceof Authentication.InvalidAuthCode) {
            return new Refused(Refusal.INVALID_AUTH_CODE);
        }
        if (!(authentication instanceof Authentication.Authenticated authenticated)) {
            return new Refused(Refusal.NOT_LOGGED_IN);
        }
        Caller caller = authenticated.caller();
        if (policy == Policy.ADMINISTRATOR && !caller.administrator()) {
            return new Refused(Refusal.NOT_AN_ADMINISTRATOR);
        }
        if (!caller.isEnabled()) {
            return new Refused(Refusal.USER_DISABLED);
        }
        if (policy == Policy.TECHNICIAN && caller.techNodeId() == null) {
            return new Refused(Refusal.NOT_A_TECHNICIAN);
        }
        return new Admitted(caller);
    }
}
