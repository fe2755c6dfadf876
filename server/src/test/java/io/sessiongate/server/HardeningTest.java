package io.sessiongate.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import io.sessiongate.testing.RawExchange;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The edges an attacker tried: HEAD, cross-site requests, control characters in identifiers, framing, slow bodies. */
class HardeningTest {

    private final TestServer server = TestServer.get();
    private final String base = server.baseUri().toString();
    private final TestAccount account = server.accounts().create(1);

    private String admin() {
        return RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void headOnAStateChangingMethodIs405AndDoesNothing() {
        String cookie = admin();
        Response head = given().baseUri(base).cookie(RescueCalls.COOKIE, cookie).head("/API/logout.aspx");
        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.header("Allow")).isEqualTo("GET, POST");
        Response transfer = given().baseUri(base).cookie(RescueCalls.COOKIE, cookie)
                .head("/API/transferSession.aspx?session=" + account.sessionIds().get(0) + "&node=1");
        assertThat(transfer.statusCode()).isEqualTo(405);
        // Still logged in: the HEAD did not log out.
        assertThat(RescueCalls.get("logout.aspx", cookie).asString()).isEqualTo("OK");
    }

    @Test
    void aCrossSiteStateChangeIsRefusedAndASameOriginOneIsServed() {
        String cookie = admin();
        Response crossSite = given().baseUri(base).cookie(RescueCalls.COOKIE, cookie)
                .header("Sec-Fetch-Site", "cross-site").get("/API/logout.aspx");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.asString()).isEqualTo("ERROR");
        Response foreign = given().baseUri(base).cookie(RescueCalls.COOKIE, cookie)
                .header("Origin", "https://evil.example").get("/API/transferSession.aspx?session="
                        + account.sessionIds().get(0) + "&node=" + account.onlineTechNodeId());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.asString()).isEqualTo("ERROR");
        Response apiServer = given().baseUri(base).cookie(RescueCalls.COOKIE, cookie)
                .header("Origin", "null").contentType("application/json").body("{}")
                .post("/APIServer/Session.Update");
        assertThat(apiServer.statusCode()).isEqualTo(403);
        assertThat(apiServer.jsonPath().getString("ErrorArray[0].Code")).isEqualTo("CROSS_SITE_REFUSED");
        // A query is not refused; nor is the server's own origin.
        assertThat(given().baseUri(base).cookie(RescueCalls.COOKIE, cookie).header("Sec-Fetch-Site", "cross-site")
                .get("/API/getSession_v3.aspx?node=" + account.onlineTechNodeId()).asString()).startsWith("OK");
        assertThat(given().baseUri(base).cookie(RescueCalls.COOKIE, cookie)
                .header("Origin", "http://" + server.baseUri().getRawAuthority()).header("Sec-Fetch-Site", "same-origin")
                .get("/API/logout.aspx").asString()).isEqualTo("OK");
    }

    @Test
    void theLoginCookieIsHttpOnlyAndSameSiteLaxAndSecureBehindHttps() {
        Response plain = RescueCalls.get("login.aspx", null, "email", account.adminEmail(), "pwd",
                TestAccounts.ADMIN_PASSWORD);
        assertThat(plain.header("Set-Cookie")).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        Response https = given().baseUri(base).header("X-Forwarded-Proto", "https")
                .get("/API/login.aspx?email=" + account.adminEmail() + "&pwd=" + TestAccounts.ADMIN_PASSWORD);
        assertThat(https.header("Set-Cookie")).contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    @Test
    void aNulOrControlCharacterInASurrogateIsItsDocumentedCode() {
        String cookie = admin();
        Response nul = given().baseUri(base).cookie(RescueCalls.COOKIE, cookie).urlEncodingEnabled(false)
                .get("/APIServer/Session.GetSessionData?SessionSurrogate=%00");
        assertThat(nul.statusCode()).isEqualTo(422);
        assertThat(nul.jsonPath().getString("ErrorArray[0].Code")).isEqualTo("SESSION_SURROGATE_INVALID");
        Response soh = given().baseUri(base).cookie(RescueCalls.COOKIE, cookie)
                .contentType("application/x-www-form-urlencoded").body("SessionSurrogate=1&SessionSiteKey="
                        + account.siteKey() + "&SessionStatus=A&SessionUserSurrogate=%01")
                .post("/APIServer/Session.UpdateValidation");
        assertThat(soh.statusCode()).isEqualTo(422);
        assertThat(soh.jsonPath().getList("ErrorArray.Code")).contains("USER_SURROGATE_INVALID");
        assertThat(given().baseUri(base).cookie(RescueCalls.COOKIE, cookie).urlEncodingEnabled(false)
                .get("/API/transferSession.aspx?session=%00&node=" + account.onlineTechNodeId()).asString())
                .isEqualTo("ERROR");
    }

    @Test
    void ambiguousFramingOrAnInvalidHostIs400AndTheConnectionClosed() throws IOException {
        String[] requests = {
            "POST /API/login.aspx HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /API/login.aspx HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
            "POST /API/login.aspx HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
            "POST /API/login.aspx HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: xchunked\r\n\r\nGET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\"y\r\n\r\n",
            "GET /API/login.aspx HTTP/1.1\r\nHost: a b\r\n\r\n",
            "GET /APIServer/Session.GetSessionData HTTP/1.1\r\nHost: [::1\r\n\r\n",
        };
        for (String request : requests) {
            RawExchange e = exchange(request, 5000);
            System.out.printf("[framing] sent %s%n          got  %s (connection %s)%n", LogText.of(request),
                    LogText.of(e.reply()), e.closed() ? "closed" : "kept open");
            assertThat(e.reply()).as(request).startsWith("HTTP/1.1 400 ").contains("Connection: close")
                    .doesNotContainIgnoringCase("text/html").doesNotContain("pong");
            assertThat(e.closed()).as(request).isTrue();
        }
        // A Content-Type Jersey cannot parse is still the .aspx ERROR, not a fault.
        assertThat(exchange("POST /API/login.aspx HTTP/1.1\r\nHost: localhost\r\nContent-Type: garbage/\u00ff\r\n"
                + "Content-Length: 7\r\nConnection: close\r\n\r\nemail=x", 5000).reply())
                .startsWith("HTTP/1.1 415 ").endsWith("\r\n\r\nERROR");
        assertThat(exchange("GET /ping HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\n\r\n", 2000).reply())
                .startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aBodyNotCompleteWithinTheDeadlineIsAnsweredInTheApisShapeAndClosed() throws IOException {
        long start = System.nanoTime();
        RawExchange e = exchange("POST /APIServer/Session.Update HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{", 20_000);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("[slow body] 1 byte of 100 then silence: after %d s got %s%n", seconds, LogText.of(e.reply()));
        assertThat(e.reply()).startsWith("HTTP/1.1 400 ").contains("BODY_UNREADABLE", "Connection: close");
        assertThat(e.closed()).isTrue();
        assertThat(seconds).isBetween((long) BodiesReadFirst.DEADLINE_SECONDS - 1, (long) BodiesReadFirst.DEADLINE_SECONDS + 5);
    }

    private RawExchange exchange(String request, int quietMillis) throws IOException {
        return RawExchange.send(null, server.port(), request, quietMillis);
    }
}
