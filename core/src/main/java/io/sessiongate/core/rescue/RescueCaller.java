package io.sessiongate.core.rescue;

import io.sessiongate.core.websession.Authentication;
import io.sessiongate.core.websession.Caller;
import java.util.Optional;

/**
 * The first checks every Rescue method makes, in the vendor's order: an auth code that is not
 * valid, then no login (or, for session management, no administrator's login), then a disabled or
 * deleted user. Each method names its own code for each refusal.
 *
 * @param <R> the method's return-code type
 */
record RescueCaller<R>(Caller caller, R refusal) {

    /** The codes one method answers for the three refusals. */
    record Refusals<R>(R invalidAuthCode, R notLoggedIn, R userDisabled, boolean administratorOnly) {
    }

    static <R> RescueCaller<R> check(Authentication authentication, Refusals<R> codes) {
        if (authentication instanceof Authentication.InvalidAuthCode) {
            return refused(codes.invalidAuthCode());
        }
        if (!(authentication instanceof Authentication.Authenticated authenticated)
                || (codes.administratorOnly() && !authenticated.caller().administrator())) {
            return refused(codes.notLoggedIn());
        }
        if (!authenticated.caller().isEnabled()) {
            return refused(codes.userDisabled());
        }
        return new RescueCaller<>(authenticated.caller(), null);
    }

    private static <R> RescueCaller<R> refused(R code) {
        return new RescueCaller<>(null, code);
    }

    Optional<R> refused() {
        return Optional.ofNullable(refusal);
    }
}
