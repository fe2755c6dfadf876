package io.sessiongate.reliability;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls of the JSON API ({@code /api/v1}) on a server process, as a bearer token or a login cookie (with its CSRF token). */
final class AdminHttp {

    /** The operator's token the suite's server processes are started with. */
    static final String OPERATOR_TOKEN = "reliability-operator-token-42";

    private AdminHttp() {
    }

    /** Who calls: a bearer token, or a login cookie and its CSRF token, or nothing. */
    record Caller(String name, String bearer, String cookie, String csrf) {

        static Caller bearer(String name, String token) {
            return new Caller(name, token, null, null);
        }

        static Caller cookie(String name, String base, String cookie) {
            String session = send(base, new Caller(name, null, cookie, null), "GET", "api/v1/session", null, null).body();
            Matcher m = Pattern.compile("\"csrfToken\":\"([0-9a-f]+)\"").matcher(session);
            return new Caller(name, null, cookie, m.find() ? m.group(1) : null);
        }
    }

    static HttpResponse<String> send(String base, Caller c, String method, String path, String json, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Http.TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (c.bearer() != null) {
            b.header("Authorization", "Bearer " + c.bearer());
        }
        if (c.cookie() != null) {
            b.header("Cookie", "ASP.NET_SessionId=" + c.cookie());
            if (c.csrf() != null) {
                b.header("X-CSRF-Token", c.csrf());
            }
        }
        return Http.send(b.build());
    }

    /** A new account made by the operator; the reply's body. */
    static String createAccount(String base, String siteKey, String email, String password) {
        HttpResponse<String> r = send(base, Caller.bearer("operator", OPERATOR_TOKEN), "POST", "api/v1/accounts",
                "{\"siteKey\":\"" + siteKey + "\",\"name\":\"Site " + siteKey + "\",\"masterAdministrator\":{\"email\":\""
                        + email + "\",\"name\":\"Owner\",\"password\":\"" + password + "\"}}", null);
        if (r.statusCode() != 201) {
            throw new AssertionError("account creation answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The first value of a JSON field (a number or a string) in {@code json}; enough for the ids and tokens the tests need. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|(-?[0-9]+))").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
