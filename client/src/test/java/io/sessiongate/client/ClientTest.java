package io.sessiongate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.api.rescue.CancelActionResult;
import io.sessiongate.api.rescue.ChannelAvailabilityResult;
import io.sessiongate.api.rescue.CloseSessionResult;
import io.sessiongate.api.rescue.GetReportResult;
import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.HoldSessionResult;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.LogoutResult;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.api.rescue.ReportSettingResult;
import io.sessiongate.api.rescue.RequestAuthCodeResult;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.api.rescue.StartSessionResult;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.server.testing.TestServer;
import io.sessiongate.testing.FreePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The client against the real server (real MariaDB), and against a stub only where a wrong reply is needed. */
class ClientTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(3);

    private SessionGateClient client() {
        return SessionGateClient.builder(server.baseUri().toString()).requestTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void aSessionFromPinCodeToCloseThroughTheClient() {
        SessionGateClient tech = client();
        assertThat(tech.rescue().login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD)).isEqualTo(LoginResult.OK);
        RescueApi.PinCodeReply pin = tech.rescue().requestPinCode(null, "Ann", false);
        assertThat(pin.result()).isEqualTo(RequestPinCodeResult.OK);
        assertThat(pin.pinCode()).hasValueSatisfying(p -> assertThat(p).matches("[0-9]{6}"));
        assertThat(tech.rescue().requestPinCode(null, "Ann", false))
                .isEqualTo(new RescueApi.PinCodeReply(RequestPinCodeResult.POLL_RATE_EXCEEDED, Optional.empty()));
        SessionGateClient admin = client();
        assertThat(admin.rescue().login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginResult.OK);
        assertThat(admin.rescue().requestPinCode(account.offlineTechNodeId(), null, false).result())
                .isEqualTo(RequestPinCodeResult.NO_TECH_CONSOLE_RUNNING);
        assertThat(admin.rescue().requestPinCode(account.offlineTechNodeId(), null, true).result())
                .isEqualTo(RequestPinCodeResult.OK);
        long session = account.sessionIds().get(2);
        assertThat(admin.rescue().cancelAction(session)).isEqualTo(CancelActionResult.ACTION_FAILED);
        assertThat(admin.rescue().startSession(session, account.onlineTechNodeId())).isEqualTo(StartSessionResult.OK);
        assertThat(admin.rescue().holdSession(session)).isEqualTo(HoldSessionResult.OK);
        assertThat(admin.rescue().closeSession(session)).isEqualTo(CloseSessionResult.OK);
        assertThat(admin.rescue().closeSession(session)).isEqualTo(CloseSessionResult.ACTION_FAILED);
        assertThat(tech.rescue().holdSession(session)).isEqualTo(HoldSessionResult.NOT_LOGGED_IN_AS_ADMIN);
    }

    @Test
    void reportsAreSetUpAndReadThroughTheClient() {
        SessionGateClient admin = client();
        assertThat(admin.rescue().setOutput(ReportOutput.XML)).isEqualTo(ReportSettingResult.NOT_LOGGED_IN);
        assertThat(admin.rescue().login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginResult.OK);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(admin.rescue().setReportArea(ReportArea.SESSION)).isEqualTo(ReportSettingResult.OK);
        assertThat(admin.rescue().setReportDate(today.plusDays(1).atStartOfDay(), today.atStartOfDay()))
                .isEqualTo(ReportSettingResult.INVALID_DATE_RANGE);
        assertThat(admin.rescue().setReportDate(today.atStartOfDay(), today.atTime(23, 59, 59)))
                .isEqualTo(ReportSettingResult.OK);
        assertThat(admin.rescue().setReportTime(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.of(23, 59, 59)))
                .isEqualTo(ReportSettingResult.OK);
        assertThat(admin.rescue().setTimezone(0)).isEqualTo(ReportSettingResult.OK);
        assertThat(admin.rescue().setTimezone(9999)).isEqualTo(ReportSettingResult.INVALID_FORMAT);
        assertThat(admin.rescue().setDelimiter("\t")).isEqualTo(ReportSettingResult.OK);
        assertThat(admin.rescue().setOutput(ReportOutput.TEXT)).isEqualTo(ReportSettingResult.OK);
        RescueApi.ReportReply report = admin.rescue().getReport(account.channelId(), NodeRef.CHANNEL);
        assertThat(report.result()).isEqualTo(GetReportResult.OK);
        assertThat(report.report()).hasValueSatisfying(r -> assertThat(r.split("\n")).hasSize(4)
                .allMatch(line -> line.endsWith("\t")));
        assertThat(admin.rescue().getReport(account.channelId(), NodeRef.CHANNEL))
                .isEqualTo(new RescueApi.ReportReply(GetReportResult.POLL_RATE_EXCEEDED, Optional.empty()));
        assertThat(admin.rescue().getReport(account.onlineTechNodeId(), NodeRef.CHANNEL).result())
                .isEqualTo(GetReportResult.INVALID_PARAM_NODE);
    }

    @Test
    void loginThenTransferUsesTheClientsOwnCookie() {
        SessionGateClient client = client();
        assertThat(client.rescue().login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginResult.OK);
        Long session = account.sessionIds().get(0);
        assertThat(client.rescue().transferSession(session, account.onlineTechNodeId(), NodeRef.NODE, "over", null))
                .isEqualTo(TransferSessionResult.OK);
        RescueApi.SessionsReply reply = client.rescue().getSessions(account.onlineTechNodeId(), NodeRef.NODE);
        assertThat(reply.result()).isEqualTo(GetSessionResult.OK);
        assertThat(reply.sessions()).extracting(SessionRow::id).containsExactly(session);
        assertThat(reply.sessions().get(0).transferredComment()).isEqualTo("over");
        assertThat(client.rescue().isAnyTechAvailableOnChannel(account.channelId(), true))
                .isEqualTo(ChannelAvailabilityResult.TRUE);
        assertThat(client.rescue().logout()).isEqualTo(LogoutResult.OK);
        assertThat(client.rescue().transferSession(session, account.onlineTechNodeId()))
                .isEqualTo(TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN);
    }

    @Test
    void everyTransferSessionResultIsReached() {
        SessionGateClient admin = client();
        admin.rescue().login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        SessionGateClient anonymous = client();
        Long session = account.sessionIds().get(1);
        EnumSet<TransferSessionResult> seen = EnumSet.noneOf(TransferSessionResult.class);
        seen.add(expect(anonymous.rescue().transferSession(session, account.onlineTechNodeId()),
                TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN));
        seen.add(expect(anonymous.rescue().transferSession(session, account.onlineTechNodeId(), NodeRef.NODE, null,
                "notavalidcode"), TransferSessionResult.INVALID_SECRET_AUTH_CODE));
        seen.add(expect(admin.rescue().transferSession(session, account.channelId()),
                TransferSessionResult.INVALID_PARAM_NODE));
        seen.add(expect(admin.rescue().transferSession(999_999_999L, account.onlineTechNodeId()),
                TransferSessionResult.ERROR));
        seen.add(expect(admin.rescue().transferSession(session, account.offlineTechNodeId()),
                TransferSessionResult.ACTION_FAILED));
        seen.add(expect(admin.rescue().transferSession(session, account.onlineTechNodeId()),
                TransferSessionResult.OK));
        String code = admin.rescue().requestAuthCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD).authCode()
                .orElseThrow();
        server.accounts().accounts().setUserStatus(account.adminUserId(), UserStatus.DISABLED);
        seen.add(expect(anonymous.rescue().transferSession(session, account.onlineTechNodeId(), NodeRef.NODE, null,
                code), TransferSessionResult.USER_DELETED_OR_DISABLED));
        assertThat(seen).isEqualTo(EnumSet.allOf(TransferSessionResult.class));
    }

    @Test
    void twoClientsWithSeparateLoginsDoNotShareACookie() {
        SessionGateClient first = client();
        SessionGateClient second = client();
        first.rescue().login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        second.rescue().login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        long firstSession = first.sessions().getOwn().data().orElseThrow().sessionSurrogate();
        long secondSession = second.sessions().getOwn().data().orElseThrow().sessionSurrogate();
        assertThat(firstSession).isNotEqualTo(secondSession);
        assertThat(second.rescue().transferSession(account.sessionIds().get(2), account.onlineTechNodeId()))
                .isEqualTo(TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN);
        assertThat(client().rescue().logout()).isEqualTo(LogoutResult.NOT_LOGGED_IN);
    }

    @Test
    void anUpdateEndsTheOwnWebSessionAndAFailingOneGivesTypedErrors() {
        SessionGateClient client = client();
        client.rescue().login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        SessionsApi.UpdateResult bad = client.sessions().update(new SessionUpdate("abc", "no-such-site", null,
                "999.1.1.1", "X", null));
        assertThat(bad.isSuccessful()).isFalse();
        assertThat(bad.httpStatus()).isEqualTo(422);
        assertThat(bad.errorCount()).isEqualTo(4);
        assertThat(bad.errors()).extracting(e -> e.code()).containsExactly("SESSION_SURROGATE_INVALID",
                "SITE_NOT_FOUND", "IP_ADDRESS_INVALID", "STATUS_INVALID");
        long mine = client.sessions().getOwn().data().orElseThrow().sessionSurrogate();
        SessionUpdate end = SessionUpdate.builder().sessionSurrogate(mine).siteKey(account.siteKey())
                .status(SessionStatus.ENDED).build();
        assertThat(client.sessions().validate(end).isSuccessful()).isTrue();
        assertThat(client.sessions().update(end).isSuccessful()).isTrue();
        assertThat(client.sessions().getOwn().httpStatus()).isEqualTo(401);
        assertThat(client.rescue().transferSession(account.sessionIds().get(0), account.onlineTechNodeId()))
                .isEqualTo(TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN);
    }

    @Test
    void asyncCallsTakeTheSamePath() throws Exception {
        SessionGateClient client = client();
        CompletableFuture<TransferSessionResult> r = client.rescue()
                .loginAsync(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)
                .thenCompose(login -> client.rescue().transferSessionAsync(account.sessionIds().get(0),
                        account.channelId(), NodeRef.CHANNEL, null, null));
        assertThat(r.get()).isEqualTo(TransferSessionResult.OK);
        assertThat(client.rescue().requestAuthCodeAsync(account.adminEmail(), "wrong").get().result())
                .isEqualTo(RequestAuthCodeResult.INVALID);
        assertThat(client.rescue().getSessionsAsync(DemoData.OTHER_TECH_NODE, NodeRef.NODE, null).get().result())
                .isEqualTo(GetSessionResult.INVALID_PARAM_NODE);
    }

    @Test
    void aClosedPortIsATransportException() throws IOException {
        int port = FreePort.find();
        SessionGateClient client = SessionGateClient.builder("http://127.0.0.1:" + port)
                .connectTimeout(Duration.ofSeconds(2)).readRetries(3, Duration.ofMillis(10)).build();
        assertThatThrownBy(() -> client.rescue().login("a@b.example", "x"))
                .isInstanceOf(SessionGateException.TransportException.class)
                .satisfies(e -> assertThat(((SessionGateException) e).status()).isEqualTo(-1));
        assertThatThrownBy(() -> client.rescue().getSessions(1, NodeRef.NODE))
                .isInstanceOf(SessionGateException.TransportException.class);
    }

    @Test
    void aReplyOfUnexpectedShapeIsAParseExceptionWithTheRawBody() throws IOException {
        HttpServer stub = stub("<html>Maintenance</html>", 503, new AtomicInteger());
        try {
            SessionGateClient client = SessionGateClient.builder("http://127.0.0.1:" + stub.getAddress().getPort())
                    .build();
            assertThatThrownBy(() -> client.rescue().transferSession(1, 2))
                    .isInstanceOf(SessionGateException.UnexpectedReplyException.class)
                    .satisfies(e -> {
                        assertThat(((SessionGateException) e).status()).isEqualTo(503);
                        assertThat(((SessionGateException) e).body()).isEqualTo("<html>Maintenance</html>");
                    });
            assertThatThrownBy(() -> client.sessions().getOwn())
                    .isInstanceOf(SessionGateException.UnexpectedReplyException.class);
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void readsAreRetriedOnTransportFailuresOnlyWhenAskedAndWritesNever() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer stub = stub("TRUE", 200, calls); // drops the first two connections, then answers
        try {
            String base = "http://127.0.0.1:" + stub.getAddress().getPort();
            SessionGateClient retrying = SessionGateClient.builder(base).readRetries(3, Duration.ofMillis(10)).build();
            assertThat(retrying.rescue().isAnyTechAvailableOnChannel(1, false)).isEqualTo(ChannelAvailabilityResult.TRUE);
            assertThat(calls.get()).isEqualTo(3);
            calls.set(0);
            assertThatThrownBy(() -> retrying.rescue().transferSession(1, 2))
                    .isInstanceOf(SessionGateException.TransportException.class);
            assertThat(calls.get()).isEqualTo(1);
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void theBaseUrlIsCheckedWhenTheClientIsBuilt() {
        for (String bad : List.of("localhost:8080", "ftp://x/", "http://", "not a url", "http://h/?q=1")) {
            assertThatThrownBy(() -> SessionGateClient.builder(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SessionGateClient.builder("http://localhost:8080").build().baseUri().toString())
                .isEqualTo("http://localhost:8080/");
    }

    private static TransferSessionResult expect(TransferSessionResult actual, TransferSessionResult expected) {
        assertThat(actual).isEqualTo(expected);
        return actual;
    }

    /** A local HTTP stub answering {@code body}; with a counter, it drops the first two exchanges unanswered. */
    private static HttpServer stub(String body, int status, AtomicInteger calls) throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Set<Integer> drop = "TRUE".equals(body) ? Set.of(1, 2) : Set.of();
        stub.createContext("/", exchange -> {
            int n = calls.incrementAndGet();
            if (drop.contains(n)) {
                exchange.close(); // no reply: the client sees the connection end
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        return stub;
    }
}
