package io.sessiongate.server.customer;

import io.sessiongate.core.rescue.CustomerService;
import io.sessiongate.server.admin.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error reply of the customer endpoints, RFC 9457 {@code application/problem+json}, in one
 * place (so that the general {@code /api/v1} problem framework can take them over in one file).
 */
public final class CustomerProblems {

    private CustomerProblems() {
    }

    /** A wrong, expired or used PIN code: one answer for all three. */
    static Response wrongPin() {
        return Problems.response(404, "No such PIN code",
                "no session is waiting for this PIN code; check it with your technician");
    }

    static Response tooManyTries(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(Problems.response(429, "Too many wrong PIN codes",
                "try again in " + seconds + " seconds")).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    static Response noSuchChannel() {
        return Problems.response(404, "No such channel", "no channel with this id takes customers");
    }

    /** 422 with every broken rule in {@code errors: [{field, code, message}]}. */
    static Response invalid(List<CustomerService.Violation> violations) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Invalid request");
        problem.put("status", 422);
        problem.put("detail", violations.size() + " rule" + (violations.size() == 1 ? " is" : "s are") + " broken");
        problem.put("errors", violations.stream().map(v -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("code", v.code());
            error.put("message", v.message());
            return error;
        }).toList());
        return Response.status(422).type(Problems.PROBLEM_JSON).entity(problem).build();
    }

    static Response missingBody() {
        return invalid(List.of(new CustomerService.Violation("", "BODY_MISSING",
                "send {\"pinCode\": \"012345\"} or {\"channelId\": 3001, \"name\": \"...\"}")));
    }

    static Response notAuthenticated() {
        return Response.fromResponse(Problems.response(401, "Not authenticated",
                "send the customer token of your session as Authorization: Bearer <token>"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A customer's POST that a browser says comes from another site (see StateChangingRequests). */
    public static Response crossSiteRefused() {
        return Problems.response(403, "Cross-site request refused",
                "the browser says this request comes from another site");
    }

    static Response alreadyOver(String status) {
        return Problems.response(409, "Session is over", "the session is " + status + " already");
    }
}
