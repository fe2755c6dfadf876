package io.sessiongate.server.api;

import io.sessiongate.core.websession.ApiTokenRepository;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.SecureTokens;
import io.sessiongate.server.LoginCookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The credentials a JSON API request presents, told apart once: {@code Authorization: Bearer} with an
 * account API token ({@code sgk_...}), an auth code (80 characters {@code [a-z0-9]}, as the console
 * and the APIServer already take it) or anything else, which only the operator's token can be; or the
 * login cookie. A bearer wins over the cookie.
 *
 * @param operatorCandidate the bearer value when it can only be the operator's token, else null
 * @param cookie            true when the credential is the login cookie (ambient: unsafe methods need
 *                          the CSRF token, see {@link Csrf})
 */
public record Presented(Credentials credentials, String operatorCandidate, boolean cookie, String secret) {

    /** Reads the request's credentials. */
    public static Presented of(HttpHeaders headers) {
        String bearer = bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (bearer != null) {
            if (bearer.startsWith(ApiTokenRepository.PREFIX)) {
                return new Presented(Credentials.apiToken(bearer), null, false, bearer);
            }
            if (bearer.length() == SecureTokens.AUTH_CODE_LENGTH && SecureTokens.looksLikeToken(bearer)) {
                return new Presented(Credentials.authCode(bearer), null, false, bearer);
            }
            return new Presented(Credentials.NONE, bearer, false, bearer);
        }
        String cookie = LoginCookie.read(headers);
        if (cookie != null && !cookie.isBlank()) {
            return new Presented(Credentials.cookie(cookie), null, true, cookie);
        }
        return new Presented(Credentials.NONE, null, false, null);
    }

    /** The value of {@code Authorization: Bearer <value>}, or null. */
    public static String bearer(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = authorization.substring(7).trim();
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    /**
     * The credentials of a call that also takes an {@code authcode} parameter (the console, the APIServer):
     * the parameter, else {@code Authorization: Bearer} as an auth code, or as an API token when it is one.
     */
    public static Credentials withAuthCodeParameter(String cookie, String authCodeParameter, String authorization) {
        if (authCodeParameter != null && !authCodeParameter.isBlank()) {
            return new Credentials(cookie, authCodeParameter);
        }
        String bearer = bearer(authorization);
        if (bearer != null && bearer.startsWith(ApiTokenRepository.PREFIX)) {
            return new Credentials(cookie, null, bearer);
        }
        return new Credentials(cookie, bearer);
    }

    /** Nothing at all was presented. */
    public boolean none() {
        return secret == null;
    }

    /**
     * Who an idempotency key belongs to: the credential itself, hashed (never stored in clear), so that
     * one client's keys never meet another's.
     */
    public String principal() {
        return operatorCandidate != null ? "operator" : "c:" + SecureTokens.hash(secret).substring(0, 40);
    }

    @Override
    public String toString() {
        return "Presented[" + credentials + ", operatorCandidate=" + (operatorCandidate == null ? "none" : "***")
                + ", cookie=" + cookie + "]";
    }
}
