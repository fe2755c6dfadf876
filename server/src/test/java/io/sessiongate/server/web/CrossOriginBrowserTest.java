package io.sessiongate.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page of another origin tries to make a logged-in administrator's browser change things: the attacker's
 * pages are served by a second HTTP server on another port of the same host, so that the browser sends the
 * login cookie with their requests (same site: SameSite=Lax does not stop it), and only the server's own
 * checks stand in the way. And the admin page itself cannot be framed by it.
 */
class CrossOriginBrowserTest {

    private static DemoServer server;
    private static HttpServer attacker;

    @BeforeAll
    static void start() throws Exception {
        if (!Chromium.installed()) {
            return; // the test reports skipped (Chromium.context is an assumption)
        }
        server = DemoServer.get();
        PlaywrightAssertions.setDefaultAssertionTimeout(6_000);
        String target = server.origin();
        Map<String, String> pages = Map.of(
                "/aspx.html", "<form method=post action=\"" + target + "/API/transferSession.aspx\">"
                        + "<input name=session value=5002><input name=node value=2001>"
                        + "<button>Win a prize</button></form>",
                "/api.html", "<form method=post enctype=text/plain action=\"" + target
                        + "/api/v1/accounts/demo/support-sessions/5002/close\">"
                        + "<input name='{\"x\":\"' value='\"}'><button>Win a prize</button></form>",
                "/frame.html", "<iframe id=victim src=\"" + target + "/admin/\" width=800 height=600></iframe>");
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            String html = pages.get(exchange.getRequestURI().getPath());
            byte[] body = ("<!doctype html><title>prizes</title>" + (html == null ? "" : html))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    static void stop() {
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    private static String evil(String path) {
        return "http://127.0.0.1:" + attacker.getAddress().getPort() + path;
    }

    @Test
    void aFormOfAnotherOriginCannotMakeTheAdministratorsBrowserTransferOrCloseASession() throws Exception {
        BrowserContext context = Chromium.context(1440);
        try {
            Pages.Watched admin = Pages.open(context, server.url("/"));
            Pages.logIn(admin.page(), "admin@demo.example", "demo-admin");
            Page page = context.newPage();

            // 1. A Rescue call: transferSession.aspx by a cross-origin form POST, the cookie attached.
            page.navigate(evil("/aspx.html"));
            Response aspx = page.waitForResponse(r -> r.url().contains("/API/transferSession.aspx"),
                    () -> page.locator("button").click());
            Request sent = aspx.request();
            Assertions.assertThat(sent.headerValue("cookie")).as("the browser sent the login cookie")
                    .contains("ASP.NET_SessionId=");
            Assertions.assertThat(sent.headerValue("origin")).as("and said where the form came from")
                    .isEqualTo("http://127.0.0.1:" + attacker.getAddress().getPort());
            Assertions.assertThat(aspx.status()).as("refused: the Origin is not the server's own").isEqualTo(403);
            Assertions.assertThat(aspx.text()).isEqualTo("ERROR");

            // 2. The JSON API: a form cannot send the CSRF token header, so the cookie alone is refused.
            page.navigate(evil("/api.html"));
            Response api = page.waitForResponse(r -> r.url().contains("/support-sessions/5002/close"),
                    () -> page.locator("button").click());
            Assertions.assertThat(api.request().headerValue("cookie")).contains("ASP.NET_SessionId=");
            Assertions.assertThat(api.status()).isEqualTo(403);
            JsonNode problem = new ObjectMapper().readTree(api.text());
            Assertions.assertThat(problem.get("type").asText())
                    .isEqualTo("tag:sessiongate.io,2026:problems/csrf-token-invalid");

            // 3. A script of that origin: fetch with credentials. A JSON body needs a CORS preflight, which the
            // server never grants, so the POST is never sent; the reply of a simple request cannot be read.
            page.navigate(evil("/aspx.html"));
            Object outcome = page.evaluate("async url => { try { await fetch(url, {method: 'POST', credentials: "
                    + "'include', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': 'guess'}, body: '{}'});"
                    + " return 'sent'; } catch (e) { return e.name; } }",
                    server.url("/api/v1/accounts/demo/support-sessions/5002/close"));
            Assertions.assertThat(outcome).isEqualTo("TypeError");

            // Nothing changed: 5002 still waits in channel 3001, never transferred.
            String cookie = context.cookies().stream().filter(c -> c.name.equals("ASP.NET_SessionId"))
                    .findFirst().orElseThrow().value;
            JsonNode session = new ObjectMapper().readTree(
                    server.get("/api/v1/accounts/demo/support-sessions/5002", cookie).body());
            Assertions.assertThat(session.get("status").asText()).isEqualTo("WAITING");
            Assertions.assertThat(session.get("channelId").asLong()).isEqualTo(3001);
            Assertions.assertThat(session.get("transfers")).isEmpty();

            // 4. Nor can that page show the admin page in a frame (to make the administrator click in it).
            page.navigate(evil("/frame.html"));
            page.waitForTimeout(500);
            Assertions.assertThat(page.frames()).hasSize(2);
            Object framed = page.frames().get(1).evaluate("() => document.getElementById('login-form') !== null");
            Assertions.assertThat(framed).as("the admin page inside the other origin's frame").isEqualTo(false);
            assertThat(admin.page().locator("#app-view")).isVisible();
        } finally {
            context.close();
        }
    }
}
