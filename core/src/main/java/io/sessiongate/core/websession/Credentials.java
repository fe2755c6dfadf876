package io.sessiongate.core.websession;

/**
 * What a request presents to prove who sends it: the login cookie's value, an auth code, both or
 * neither. The values are secrets: this record's {@code toString} never shows them.
 */
public record Credentials(String cookieToken, String authCode) {

    /** No credentials at all. */
    public static final Credentials NONE = new Credentials(null, null);

    public static Credentials cookie(String cookieToken) {
        return new Credentials(cookieToken, null);
    }

    public static Credentials authCode(String authCode) {
        return new Credentials(null, authCode);
    }

    @Override
    public String toString() {
        return "Credentials[cookie=" + (cookieToken == null ? "none" : "***") + ", authCode="
                + (authCode == null ? "none" : "***") + "]";
    }
}
