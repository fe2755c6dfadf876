package io.sessiongate.api.admin;

/**
 * Who the caller of {@code GET /api/v1/session} is: their account, user, whether they act on the
 * whole account, and, when they came with the login cookie, the CSRF token that every unsafe request
 * with that cookie must carry in {@code X-CSRF-Token} (null for a bearer token, which needs none).
 */
public record SessionInfo(String kind, String siteKey, Long userId, boolean wholeAccount, String csrfToken) {
}
