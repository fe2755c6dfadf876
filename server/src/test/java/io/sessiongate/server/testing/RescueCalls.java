package io.sessiongate.server.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sessiongate.testing.RescueLogins;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the Rescue API's {@code .aspx} methods on the test server as a vendor-documented caller
 * does: by GET query string or by POST form, with the login cookie when one is given.
 */
public final class RescueCalls {

    public static final String COOKIE = "ASP.NET_SessionId";

    private RescueCalls() {
    }

    /** GET {@code /API/<method>} with {@code params} as name, value pairs. */
    public static Response get(String method, String cookie, Object... params) {
        return spec(cookie).queryParams(map(params)).get("/API/" + method);
    }

    /** POST {@code /API/<method>} with {@code params} as an urlencoded form. */
    public static Response post(String method, String cookie, Object... params) {
        return spec(cookie).formParams(map(params)).post("/API/" + method);
    }

    /** The body of GET and of POST, which must be the same: returns it once both were checked equal. */
    public static String both(String method, String cookie, Object... params) {
        String viaGet = get(method, cookie, params).then().statusCode(200).extract().asString();
        String viaPost = post(method, cookie, params).then().statusCode(200).extract().asString();
        if (!viaGet.equals(viaPost)) {
            throw new AssertionError("GET answered " + viaGet + " but POST answered " + viaPost);
        }
        return viaGet;
    }

    /** Logs in and returns the cookie's value; fails the test when the login does not answer OK. */
    public static String login(String email, String password) {
        return RescueLogins.cookie(TestServer.get().baseUri().toString(), email, password);
    }

    /** Requests an auth code and returns it. */
    public static String authCode(String email, String password) {
        return RescueLogins.authCode(TestServer.get().baseUri().toString(), email, password);
    }

    private static RequestSpecification spec(String cookie) {
        RequestSpecification spec = given().baseUri(TestServer.get().baseUri().toString())
                .urlEncodingEnabled(true).redirects().follow(false);
        return cookie == null ? spec : spec.cookie(COOKIE, cookie);
    }

    private static Map<String, Object> map(Object... params) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            if (params[i + 1] != null) {
                m.put((String) params[i], params[i + 1]);
            }
        }
        return m;
    }
}
