package io.sessiongate.server.api;

/**
 * Every kind of problem the JSON API ({@code /api/v1}) answers, each with its stable {@code type}
 * URI, HTTP status and title. The URIs are {@code tag:} URIs (RFC 4151; RFC 9457 section 4.2 suggests
 * them for types not meant to be dereferenced): a program matches on them, a person reads the title
 * and detail. The OpenAPI document lists the same URIs ({@code OpenApiDocumentTest} checks it).
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    NOT_AUTHENTICATED("not-authenticated", 401, "Not authenticated"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    CSRF_TOKEN_INVALID("csrf-token-invalid", 403, "CSRF token missing or wrong"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", 409, "Request with this Idempotency-Key in progress"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    VALIDATION_FAILED("validation-failed", 422, "Validation failed"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key reused for another request"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    SERVER_ERROR("server-error", 500, "Server error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    /** The common prefix of the type URIs. */
    public static final String BASE = "tag:sessiongate.io,2026:problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The kind a bare HTTP status (Jersey's own refusals, a fault) stands for. */
    public static ProblemType ofStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t; // the first of a status is its general kind
            }
        }
        return status >= 500 ? SERVER_ERROR : MALFORMED_REQUEST;
    }
}
