package io.sessiongate.reliability;

import io.sessiongate.testing.RescueLogins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP calls as the suite's callers make them, with a timeout so that a hang is a failure, not a wait. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Http() {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code base + API/<method>} with the cookie (or none) and parameters as name, value pairs. */
    static HttpResponse<String> rescue(String base, String method, String cookie, Object... params) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "API/" + method + "?" + query(params)))
                .timeout(TIMEOUT);
        if (cookie != null) {
            b.header("Cookie", "ASP.NET_SessionId=" + cookie);
        }
        return send(b.build());
    }

    static String login(String base, String email, String password) {
        return RescueLogins.cookie(base, email, password);
    }

    static String query(Object... params) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            m.put((String) params[i], String.valueOf(params[i + 1]));
        }
        return m.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
