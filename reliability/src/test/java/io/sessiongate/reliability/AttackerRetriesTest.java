package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.testing.RawExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings of an attacker's session against the packaged server (issue 14), each retried over
 * raw sockets, printing what was sent and what came back. An attacker at another client address
 * connects from 127.0.0.2 (Linux routes all of 127/8 to loopback).
 */
class AttackerRetriesTest {

    private static ServerProcess server;
    private static int port;
    private static final TestAccount ACCOUNT = SuiteDatabase.get().accounts().create(2);

    @BeforeAll
    static void start() {
        server = ServerProcess.start(SuiteDatabase.get().jdbcUrl());
        port = URI.create(server.base()).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static RawExchange send(String from, String request) throws IOException {
        // every request here is one the server closes: going quiet for 15 s is a failure
        return RawExchange.send(InetAddress.getByName(from), port, request, 15_000);
    }

    static RawExchange get(String from, String pathAndQuery, String... headers) throws IOException {
        return send(from, "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "Connection: close\r\n\r\n");
    }

    static void print(String finding, String sent, RawExchange e) {
        System.out.printf("[attacker] %s%n    sent: %s%n    got:  %s %s%s%n", finding, printable(sent), e.status(),
                printable(e.body()), e.closed() ? " (connection closed)" : "");
    }

    static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    static String login(String email, String pwd) {
        return "/API/login.aspx?email=" + email + "&pwd=" + pwd;
    }

    @Test
    void requestAuthCodeSharesTheLoginLimitAndAnswersPollRateExceeded() throws IOException {
        String email = ACCOUNT.onlineTechEmail();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(get("127.0.0.1", "/API/requestAuthCode.aspx?email=" + email + "&pwd=guess" + i).body());
        }
        System.out.println("[attacker] finding 2: 25 requestAuthCode guesses: " + answers);
        assertThat(answers.subList(0, 10)).containsOnly("INVALID");
        assertThat(answers.subList(10, 25)).containsOnly("POLLRATEEXCEEDED");
        RawExchange login = get("127.0.0.1", login(email, TestAccounts.TECH_PASSWORD));
        RawExchange code = get("127.0.0.1", "/API/requestAuthCode.aspx?email=" + email + "&pwd=" + TestAccounts.TECH_PASSWORD);
        print("finding 2: login with the right password during the wait", login(email, "<right>"), login);
        print("finding 2: requestAuthCode with the right password during the wait", "requestAuthCode <right>", code);
        assertThat(login.body()).isEqualTo("LIMITREACHED");
        assertThat(code.body()).isEqualTo("POLLRATEEXCEEDED");
    }

    @Test
    void aStrangerCannotLockTheUserOutAndRefusalsDoNotExtendTheWait() throws Exception {
        String email = ACCOUNT.adminEmail();
        List<String> attacker = new ArrayList<>();
        long tenthSent = 0;
        long tenthAnswered = 0;
        for (int i = 0; i < 12; i++) {
            long sent = System.nanoTime();
            attacker.add(get("127.0.0.2", login(email, "wrong" + i)).body());
            if (i == 9) {
                tenthSent = sent;
                tenthAnswered = System.nanoTime();
            }
        }
        RawExchange user = get("127.0.0.1", login(email, TestAccounts.ADMIN_PASSWORD));
        System.out.println("[attacker] finding 3: 12 wrong logins from 127.0.0.2: " + attacker);
        print("finding 3: the user's right password from 127.0.0.1 meanwhile", login(email, "<right>"), user);
        assertThat(attacker.subList(0, 10)).containsOnly("INVALID");
        assertThat(attacker.subList(10, 12)).containsOnly("LIMITREACHED");
        assertThat(user.body()).isEqualTo("OK");
        // The attacker keeps calling every second during its 15 s wait: refused, and not counted. The
        // server's tenth failure happened between tenthSent and tenthAnswered, so a reply that came
        // back before tenthSent + 15 s was certainly decided inside the wait.
        long waitEndsNoEarlierThan = tenthSent + TimeUnit.SECONDS.toNanos(15);
        List<String> during = new ArrayList<>();
        while (System.nanoTime() < waitEndsNoEarlierThan - TimeUnit.SECONDS.toNanos(4)) {
            String reply = get("127.0.0.2", login(email, "wrong")).body();
            if (System.nanoTime() < waitEndsNoEarlierThan) {
                during.add(reply);
            }
            Thread.sleep(1000);
        }
        long waitEndsNoLaterThan = tenthAnswered + TimeUnit.SECONDS.toNanos(15);
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(waitEndsNoLaterThan - System.nanoTime())) + 500);
        RawExchange after = get("127.0.0.2", login(email, TestAccounts.ADMIN_PASSWORD));
        System.out.println("[attacker] finding 3: one wrong login a second from 127.0.0.2 during the wait: " + during);
        print("finding 3: the right password from 127.0.0.2, 15 s after its tenth failure", login(email, "<right>"), after);
        assertThat(during).isNotEmpty().containsOnly("LIMITREACHED");
        assertThat(after.body()).isEqualTo("OK");
    }

    @Test
    void sixtyConcurrentWrongLoginsLetExactlyTenBeChecked() throws Exception {
        String email = SuiteDatabase.get().accounts().create(0).adminEmail();
        ExecutorService pool = Executors.newFixedThreadPool(60);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> replies = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return get("127.0.0.1", login(email, "wrong")).body();
            }));
        }
        go.countDown();
        Map<String, Integer> counts = new TreeMap<>();
        for (Future<String> f : replies) {
            counts.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }
        pool.shutdownNow();
        System.out.println("[attacker] finding 10: 60 concurrent wrong logins for a fresh email: " + counts);
        assertThat(counts).isEqualTo(Map.of("INVALID", 10, "LIMITREACHED", 50));
    }

    @Test
    void crossSiteStateChangesAreRefusedAndNonFormBodiesAreError() throws IOException {
        String cookie = Http.login(server.base(), ACCOUNT.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String session = "/API/transferSession.aspx?session=" + ACCOUNT.sessionIds().get(0) + "&node="
                + ACCOUNT.onlineTechNodeId();
        RawExchange transfer = get("127.0.0.1", session, "Cookie: ASP.NET_SessionId=" + cookie,
                "Sec-Fetch-Site: cross-site", "Origin: https://evil.example");
        RawExchange logout = get("127.0.0.1", "/API/logout.aspx", "Cookie: ASP.NET_SessionId=" + cookie,
                "Origin: https://evil.example");
        RawExchange loginCsrf = get("127.0.0.1", login(ACCOUNT.adminEmail(), TestAccounts.ADMIN_PASSWORD),
                "Sec-Fetch-Site: cross-site");
        String form = "email=a@b.example&pwd=xxxxxxx";
        String textPlain = "POST /API/login.aspx HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form;
        RawExchange plain = send("127.0.0.1", textPlain);
        RawExchange emptyBody = send("127.0.0.1", "POST /API/logout.aspx?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Cookie: ASP.NET_SessionId=" + cookie + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        print("finding 4: cross-site transferSession with the admin's cookie", session + " + Sec-Fetch-Site, Origin", transfer);
        print("finding 4: logout with a foreign Origin", "/API/logout.aspx + Origin: https://evil.example", logout);
        print("finding 4: login CSRF", "login.aspx + Sec-Fetch-Site: cross-site", loginCsrf);
        print("finding 4: a text/plain form", textPlain, plain);
        print("finding 4: an empty-body POST, parameters in the query (still served)", "POST /API/logout.aspx?x=1", emptyBody);
        assertThat(transfer.status()).startsWith("HTTP/1.1 403");
        assertThat(transfer.body()).isEqualTo("ERROR");
        assertThat(logout.status()).startsWith("HTTP/1.1 403");
        assertThat(loginCsrf.status()).startsWith("HTTP/1.1 403");
        assertThat(plain.status()).startsWith("HTTP/1.1 415");
        assertThat(plain.body()).isEqualTo("ERROR");
        assertThat(emptyBody.body()).isEqualTo("OK");
    }

    @Test
    void headDoesNothing() throws IOException {
        String cookie = Http.login(server.base(), ACCOUNT.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String head = "HEAD /API/logout.aspx HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ASP.NET_SessionId=" + cookie
                + "\r\nConnection: close\r\n\r\n";
        RawExchange e = send("127.0.0.1", head);
        RawExchange still = get("127.0.0.1", "/API/logout.aspx", "Cookie: ASP.NET_SessionId=" + cookie);
        print("finding 5: HEAD logout", head, e);
        print("finding 5: then GET logout (still logged in)", "/API/logout.aspx", still);
        assertThat(e.status()).startsWith("HTTP/1.1 405");
        assertThat(still.body()).isEqualTo("OK");
    }

    @Test
    void controlCharactersNeitherFaultNorForgeTheLog() throws Exception {
        String cookie = Http.login(server.base(), ACCOUNT.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        RawExchange nul = get("127.0.0.1", "/APIServer/Session.GetSessionData?SessionSurrogate=%00",
                "Cookie: ASP.NET_SessionId=" + cookie);
        String update = "SessionSurrogate=1&SessionSiteKey=" + ACCOUNT.siteKey()
                + "%0A2026-12-01T00:00:00.000Z%20ERROR%20forged&SessionStatus=A&SessionUserSurrogate=%01";
        String post = "POST /APIServer/Session.Update HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ASP.NET_SessionId=" + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + update.length()
                + "\r\nConnection: close\r\n\r\n" + update;
        RawExchange soh = send("127.0.0.1", post);
        RawExchange raw = send("127.0.0.1", "GET /API/x\u0000\u001b[2J.aspx HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        RawExchange secret = send("127.0.0.1", "GET /API/login.aspx%3Femail=a%40b.example%26pwd=SECRET-IN-PATH HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
        print("finding 6: NUL surrogate", "Session.GetSessionData?SessionSurrogate=%00", nul);
        print("finding 6/7: Session.Update, SOH user, line break in the site key", update, soh);
        print("finding 7: NUL and ESC in the path", "GET /API/x\\0\\e[2J.aspx", raw);
        print("finding 11: a password in the path", "GET /API/login.aspx%3Femail=...%26pwd=SECRET-IN-PATH", secret);
        assertThat(nul.status()).startsWith("HTTP/1.1 422");
        assertThat(nul.body()).contains("SESSION_SURROGATE_INVALID");
        assertThat(soh.status()).startsWith("HTTP/1.1 422");
        assertThat(soh.body()).contains("USER_SURROGATE_INVALID");
        Thread.sleep(1000);
        String log = server.logText();
        assertThat(log).doesNotContain("SECRET-IN-PATH").doesNotContain("\u0000").doesNotContain("\u001b")
                .doesNotContain("\n2026-12-01T00:00:00.000Z ERROR forged");
        for (String line : log.split("\n")) {
            assertThat(line).as("a log line").doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
        }
        System.out.println("[attacker] finding 7/11: the server log has no control character, no forged line, "
                + "and no SECRET-IN-PATH");
    }

    @Test
    void ambiguousFramingAndInvalidHostsAre400AndClosed() throws Exception {
        String[] requests = {
            "POST /API/login.aspx HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /API/login.aspx HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
            "POST /API/login.aspx HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\nGET /ping HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /API/logout.aspx HTTP/1.1\r\nHost: x\"y\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: a b\r\n\r\n",
            "GET /APIServer/Session.GetSessionData HTTP/1.1\r\nHost: [::1\r\n\r\n",
        };
        int linesBefore = server.logText().split("\n").length;
        for (String request : requests) {
            RawExchange e = send("127.0.0.1", request);
            print("finding 8/9: framing", request, e);
            assertThat(e.status()).as(request).startsWith("HTTP/1.1 400");
            assertThat(e.reply()).as(request).contains("Connection: close").doesNotContainIgnoringCase("text/html")
                    .doesNotContain("pong");
            assertThat(e.closed()).as(request).isTrue();
        }
        server.awaitInLog("/APIServer/Session.GetSessionData 400: an invalid Host");
        String[] lines = server.logText().split("\n");
        long refusals = java.util.Arrays.stream(lines, linesBefore, lines.length).filter(l -> l.contains(" 400: ")).count();
        System.out.println("[attacker] finding 8/9: request-log lines for the 6 refusals: " + refusals);
        assertThat(refusals).isEqualTo(requests.length);
    }
}
