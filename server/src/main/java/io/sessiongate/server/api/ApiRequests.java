package io.sessiongate.server.api;

import io.sessiongate.server.LoginCookie;
import io.sessiongate.server.RequestBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * What every request of the JSON API ({@code /api/v1}) goes through before a resource sees it: its
 * body is read once, up to {@link RequestBody#MAX_BYTES} (a larger one is a 413 problem), and kept
 * for the resource (an idempotency key's fingerprint hashes it); and an unsafe method that comes with
 * the login cookie alone must carry the login's CSRF token ({@link Csrf}), except on the technician
 * console's and the customer's endpoints ({@link #cookieExempt}).
 */
@Provider
@PreMatching
@Priority(3)
public final class ApiRequests implements ContainerRequestFilter {

    /** The request property that holds the body's bytes. */
    public static final String BODY = "sessiongate.api.body";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!isApi(path)) {
            return;
        }
        if (request.hasEntity()) {
            Optional<byte[]> body = RequestBody.read(request.getEntityStream());
            if (body.isEmpty()) {
                request.abortWith(Problems.response(ProblemType.PAYLOAD_TOO_LARGE,
                        "request bodies are limited to " + RequestBody.MAX_BYTES + " bytes"));
                return;
            }
            request.setProperty(BODY, body.get());
            request.setEntityStream(new ByteArrayInputStream(body.get()));
        }
        // Only a bearer credential replaces the cookie (Presented reads it first); any other Authorization
        // header leaves the cookie in charge, and so its CSRF token required.
        if (!SAFE.contains(request.getMethod()) && !cookieExempt(path)
                && Presented.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)) == null) {
            jakarta.ws.rs.core.Cookie found = request.getCookies().get(LoginCookie.NAME);
            String cookie = found == null ? null : found.getValue();
            if (cookie != null && !cookie.isBlank() && !Csrf.matches(cookie, request.getHeaderString(Csrf.HEADER))) {
                request.abortWith(Problems.response(ProblemType.CSRF_TOKEN_INVALID, "a request with the login cookie "
                        + "must carry the login's CSRF token in " + Csrf.HEADER + " (GET /api/v1/session gives it)"));
            }
        }
    }

    /** The request's body as the filter kept it (empty for none). */
    public static byte[] body(ContainerRequestContext request) {
        Object body = request.getProperty(BODY);
        return body instanceof byte[] b ? b : new byte[0];
    }

    /**
     * Paths whose unsafe methods need no CSRF token with the cookie: the technician console's (its callers
     * predate the token and keep SameSite=Lax's protection) and the customer's, which never read the cookie (a
     * customer's only credential is their session's token), so that an administrator's cookie in the same
     * browser cannot stand in the way of a join.
     */
    private static boolean cookieExempt(String path) {
        return path.regionMatches(true, 0, "/api/v1/console/", 0, 16)
                || path.regionMatches(true, 0, "/api/v1/customer/", 0, 17);
    }

    static boolean isApi(String rawPath) {
        return rawPath != null && (rawPath.regionMatches(true, 0, "/api/v1/", 0, 8)
                || rawPath.equalsIgnoreCase("/api/v1"));
    }
}
