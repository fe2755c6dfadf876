package io.sessiongate.core.websession;

/**
 * What a request presents to prove who sends it: the login cookie's value, an auth code, an account
 * API token ({@code Authorization: Bearer sgk_...} on the administration API), any of them or none.
 * The values are secrets: this record's {@code toString} never shows them.
 */
public record Credentials(String cookieToken, String authCode, String apiToken) {

    /** No credentials at all. */
    public static final Credentials NONE = new Credentials(null, null, null);

    /** The cookie and the auth code, as the Rescue and APIServer APIs take them. */
    public Credentials(String cookieToken, String authCode) {
        this(cookieToken, authCode, null);
    }

    public static Credentials cookie(String cookieToken) {
        return new Credentials(cookieToken, null, null);
    }

    public static Credentials authCode(String authCode) {
        return new Credentials(null, authCode, null);
    }

    public static Credentials apiToken(String apiToken) {
        return new Credentials(null, null, apiToken);
    }

    @Override
    public String toString() {
        return "Credentials[cookie=" + (cookieToken == null ? "none" : "***") + ", authCode="
                + (authCode == null ? "none" : "***") + ", apiToken=" + (apiToken == null ? "none" : "***") + "]";
    }
}
