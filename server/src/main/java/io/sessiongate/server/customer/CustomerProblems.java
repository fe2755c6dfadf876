package io.sessiongate.server.customer;

import io.sessiongate.api.admin.FieldError;
import io.sessiongate.core.rescue.CustomerService;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/**
 * Every error reply of the customer endpoints, as the {@code /api/v1} problems of {@link ProblemType}
 * with a {@code code} the join page can tell apart.
 */
public final class CustomerProblems {

    private CustomerProblems() {
    }

    /** A wrong, expired or used PIN code: one answer for all three. */
    static Response wrongPin() {
        return Problems.response(ProblemType.NOT_FOUND,
                "no session is waiting for this PIN code; check it with your technician", "WRONG_PIN");
    }

    static Response tooManyTries(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(Problems.response(ProblemType.TOO_MANY_REQUESTS,
                "too many wrong PIN codes: try again in " + seconds + " seconds", "TOO_MANY_WRONG_PINS"))
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    static Response noSuchChannel() {
        return Problems.response(ProblemType.NOT_FOUND, "no channel with this id takes customers", "NO_SUCH_CHANNEL");
    }

    /** 422 with every broken rule. */
    static Response invalid(List<CustomerService.Violation> violations) {
        return Problems.invalid(violations.stream().map(v -> new FieldError(v.field(), v.code(), v.message()))
                .toList());
    }

    static Response missingBody() {
        return invalid(List.of(new CustomerService.Violation("", "BODY_MISSING",
                "send {\"pinCode\": \"012345\"} or {\"channelId\": 3001, \"name\": \"...\"}")));
    }

    static Response notAuthenticated() {
        return Response.fromResponse(Problems.response(ProblemType.NOT_AUTHENTICATED,
                "send the customer token of your session as Authorization: Bearer <token>"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A customer's POST that a browser says comes from another site (see StateChangingRequests). */
    public static Response crossSiteRefused() {
        return Problems.response(ProblemType.FORBIDDEN, "the browser says this request comes from another site",
                "CROSS_SITE_REFUSED");
    }

    static Response alreadyOver(String status) {
        return Problems.response(ProblemType.CONFLICT, "the session is " + status + " already", "SESSION_OVER");
    }
}
