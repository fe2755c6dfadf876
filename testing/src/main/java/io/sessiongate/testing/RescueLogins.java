package io.sessiongate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Logging in to a running server as a Rescue caller does, for tests that need a caller's cookie or
 * auth code: fails loudly when the server does not answer OK.
 */
public final class RescueLogins {

    /** The login cookie's name. */
    public static final String COOKIE = "ASP.NET_SessionId";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RescueLogins() {
    }

    /** Logs in at {@code origin} (e.g. {@code http://127.0.0.1:41234}) and returns the cookie's value. */
    public static String cookie(String origin, String email, String password) {
        HttpResponse<String> r = get(origin, "login.aspx", email, password);
        if (!"OK".equals(r.body())) {
            throw new AssertionError("login of " + email + " answered " + r.body());
        }
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("login of " + email + " set no " + COOKIE));
    }

    /** Requests an auth code at {@code origin} and returns it. */
    public static String authCode(String origin, String email, String password) {
        String body = get(origin, "requestAuthCode.aspx", email, password).body();
        if (!body.startsWith("OK\nAUTHCODE:")) {
            throw new AssertionError("requestAuthCode of " + email + " answered " + body);
        }
        return body.substring("OK\nAUTHCODE:".length());
    }

    private static HttpResponse<String> get(String origin, String method, String email, String password) {
        String query = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&pwd="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        String base = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/API/" + method + "?" + query))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
