package io.sessiongate.server;

import jakarta.ws.rs.core.HttpHeaders;
import org.glassfish.grizzly.http.server.Request;

/**
 * The login cookie {@code ASP.NET_SessionId}, as the vendor names it: read by every API (the
 * {@code .aspx} methods, SOAP, APIServer, the console heartbeat), set by both logins. HttpOnly,
 * SameSite=Lax, and Secure when the request came over HTTPS (directly or through a proxy that
 * says so in {@code X-Forwarded-Proto}).
 */
public final class LoginCookie {

    public static final String NAME = "ASP.NET_SessionId";

    private LoginCookie() {
    }

    /** The cookie's value on this request, or null. */
    public static String read(HttpHeaders headers) {
        var cookie = headers.getCookies().get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** The {@code Set-Cookie} value that hands {@code token} to the caller of {@code request}. */
    public static String set(String token, HttpHeaders headers, Request request) {
        boolean secure = request.isSecure() || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
        return NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
