package io.sessiongate.server.api;

import io.sessiongate.core.websession.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The CSRF token of a login: derived from the secret cookie value with a hash (SHA-256 of a fixed
 * label and the cookie), so that every process computes the same token without any secret shared
 * between them, and no page of another site can know it (the cookie is HttpOnly, and no other origin
 * may read {@code GET /api/v1/session}, which hands it out). An unsafe request of the administration
 * API that authenticates with the cookie must carry it in {@value #HEADER}; a bearer token needs none
 * (a browser never sends one by itself). A new login (a new cookie value) makes a new token.
 */
public final class Csrf {

    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    public static String tokenOf(String cookieValue) {
        return SecureTokens.hash("sessiongate-csrf:" + cookieValue.trim());
    }

    /** Whether {@code presented} is the token of {@code cookieValue} (compared in constant time). */
    public static boolean matches(String cookieValue, String presented) {
        return presented != null && MessageDigest.isEqual(tokenOf(cookieValue).getBytes(StandardCharsets.US_ASCII),
                presented.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
