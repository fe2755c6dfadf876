package io.sessiongate.server.rescue;

import static io.sessiongate.server.testing.RescueCalls.COOKIE;
import static io.sessiongate.server.testing.RescueCalls.both;
import static io.sessiongate.server.testing.RescueCalls.get;
import static io.sessiongate.server.testing.RescueCalls.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.SecureTokens;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** login.aspx, logout.aspx and requestAuthCode.aspx as vendor-documented callers use them. */
class RescueLoginTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(1);

    @AfterEach
    void resetClock() {
        server.clock().reset();
    }

    @Test
    void loginAnswersOkAndSetsAnHttpOnlySessionCookie() {
        for (Response r : List.of(
                get("login.aspx", null, "email", account.adminEmail(), "pwd", TestAccounts.ADMIN_PASSWORD),
                post("login.aspx", null, "email", account.adminEmail(), "pwd", TestAccounts.ADMIN_PASSWORD))) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).isEqualToIgnoringWhitespace("text/plain;charset=utf-8");
            assertThat(r.asString()).isEqualTo("OK");
            assertThat(r.getDetailedCookie(COOKIE).isHttpOnly()).isTrue();
            assertThat(r.getCookie(COOKIE)).matches("[a-z0-9]{48}");
        }
    }

    @Test
    void theCookieIsStoredOnlyAsAHash() {
        String cookie = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        long clear = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT COUNT(*) FROM web_session WHERE token_hash = :t", Long.class)
                .setParameter("t", cookie).getSingleResult());
        long hashed = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT COUNT(*) FROM web_session WHERE token_hash = :t AND ip_address IS NOT NULL "
                                + "AND status = 'A' AND user_id = :u", Long.class)
                .setParameter("t", SecureTokens.hash(cookie)).setParameter("u", account.adminUserId())
                .getSingleResult());
        assertThat(clear).isZero();
        assertThat(hashed).isOne();
    }

    @Test
    void everyLoginRotatesTheCookieAndTheOldValueNoLongerWorks() {
        String first = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Response second = get("login.aspx", first, "email", account.adminEmail(), "pwd", TestAccounts.ADMIN_PASSWORD);
        assertThat(second.asString()).isEqualTo("OK");
        String rotated = second.getCookie(COOKIE);
        assertThat(rotated).isNotEqualTo(first);
        assertThat(get("logout.aspx", first).asString()).isEqualTo("OK"); // the first login is its own session
        assertThat(get("logout.aspx", rotated).asString()).isEqualTo("OK");
    }

    @Test
    void loginCompletesTheAnonymousWebSessionItsCookieNames() {
        String anonymous = SecureTokens.random(SecureTokens.COOKIE_TOKEN_LENGTH);
        Long anonymousId = server.core().database().inTransaction(s -> {
            return new io.sessiongate.core.websession.WebSessionRepository().insert(
                    io.sessiongate.core.persistence.Tx.of(s), account.accountId(), SecureTokens.hash(anonymous),
                    "192.0.2.1", server.clock().instant(),
                    io.sessiongate.core.websession.WebSessionRepository.Snapshot.ANONYMOUS);
        });
        Response r = get("login.aspx", anonymous, "email", account.adminEmail(), "pwd", TestAccounts.ADMIN_PASSWORD);
        assertThat(r.asString()).isEqualTo("OK");
        assertThat(r.getCookie(COOKIE)).isNotEqualTo(anonymous);
        Object[] row = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT user_id, token_hash FROM web_session WHERE id = :id", Object[].class)
                .setParameter("id", anonymousId).getSingleResult());
        assertThat(((Number) row[0]).longValue()).isEqualTo(account.adminUserId());
        assertThat(row[1]).isEqualTo(SecureTokens.hash(r.getCookie(COOKIE)));
    }

    @Test
    void wrongPasswordUnknownEmailDisabledAndDeletedUsersAllAnswerInvalid() {
        assertThat(both("login.aspx", null, "email", account.adminEmail(), "pwd", "wrong")).isEqualTo("INVALID");
        assertThat(both("login.aspx", null, "email", "nobody@nowhere.example", "pwd", "x")).isEqualTo("INVALID");
        assertThat(both("login.aspx", null, "email", account.adminEmail())).isEqualTo("INVALID");
        assertThat(both("login.aspx", null)).isEqualTo("INVALID");
        server.accounts().accounts().setUserStatus(account.onlineTechUserId(), UserStatus.DISABLED);
        assertThat(both("login.aspx", null, "email", account.onlineTechEmail(), "pwd", TestAccounts.TECH_PASSWORD))
                .isEqualTo("INVALID");
        server.accounts().accounts().setUserStatus(account.offlineTechUserId(), UserStatus.DELETED);
        assertThat(both("login.aspx", null, "email", account.offlineTechEmail(), "pwd", TestAccounts.TECH_PASSWORD))
                .isEqualTo("INVALID");
    }

    @Test
    void afterTenWrongPasswordsLoginAndRequestAuthCodeWaitThenTheRightPasswordGetsThrough() {
        for (int i = 0; i < 10; i++) {
            assertThat(get(i % 2 == 0 ? "login.aspx" : "requestAuthCode.aspx", null, "email", account.adminEmail(),
                    "pwd", "wrong").asString()).isEqualTo("INVALID");
        }
        assertThat(get("login.aspx", null, "email", account.adminEmail(), "pwd", TestAccounts.ADMIN_PASSWORD)
                .asString()).isEqualTo("LIMITREACHED");
        assertThat(post("login.aspx", null, "email", account.adminEmail().toUpperCase(), "pwd",
                TestAccounts.ADMIN_PASSWORD).asString()).isEqualTo("LIMITREACHED");
        assertThat(get("requestAuthCode.aspx", null, "email", account.adminEmail(), "pwd",
                TestAccounts.ADMIN_PASSWORD).asString()).isEqualTo("POLLRATEEXCEEDED");
        server.clock().advance(Duration.ofSeconds(15));
        assertThat(get("login.aspx", null, "email", account.adminEmail(), "pwd", TestAccounts.ADMIN_PASSWORD)
                .asString()).isEqualTo("OK");
    }

    @Test
    void logoutEndsTheWebSessionAndASecondLogoutIsNotLoggedIn() {
        String cookie = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(post("logout.aspx", cookie).asString()).isEqualTo("OK");
        assertThat(get("logout.aspx", cookie).asString()).isEqualTo("NOTLOGGEDIN");
        assertThat(get("transferSession.aspx", cookie, "session", account.sessionIds().get(0), "node",
                account.onlineTechNodeId()).asString()).isEqualTo("NOTLOGGEDINASADMIN");
        String status = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT status FROM web_session WHERE token_hash = :t", String.class)
                .setParameter("t", SecureTokens.hash(cookie)).getSingleResult());
        assertThat(status).isEqualTo("E");
        assertThat(both("logout.aspx", null)).isEqualTo("NOTLOGGEDIN");
        assertThat(both("logout.aspx", "not-a-token")).isEqualTo("NOTLOGGEDIN");
    }

    @Test
    void twentyIdleMinutesTimeTheWebSessionOutForGood() {
        String cookie = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Long session = account.sessionIds().get(0);
        server.clock().advance(Duration.ofMinutes(19));
        // a request within 20 minutes keeps the session alive, and counts
        assertThat(get("getSession_v3.aspx", cookie, "node", account.channelId(), "noderef", "CHANNEL")
                .asString()).startsWith("OK\n");
        server.clock().advance(Duration.ofMinutes(19));
        assertThat(get("transferSession.aspx", cookie, "session", session, "node", account.channelId(),
                "noderef", "CHANNEL").asString()).isEqualTo("OK");
        server.clock().advance(Duration.ofMinutes(20).plusSeconds(1));
        assertThat(get("transferSession.aspx", cookie, "session", session, "node", account.channelId(),
                "noderef", "CHANNEL").asString()).isEqualTo("NOTLOGGEDINASADMIN");
        server.clock().reset(); // back in time: a TimedOut session still never authenticates again
        assertThat(get("transferSession.aspx", cookie, "session", session, "node", account.channelId(),
                "noderef", "CHANNEL").asString()).isEqualTo("NOTLOGGEDINASADMIN");
        Object[] row = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT status, request_count FROM web_session WHERE token_hash = :t", Object[].class)
                .setParameter("t", SecureTokens.hash(cookie)).getSingleResult());
        assertThat(String.valueOf(row[0])).isEqualTo("T");
        assertThat(((Number) row[1]).longValue()).isEqualTo(2);
    }

    @Test
    void requestAuthCodeAnswersALongLowercaseCodeStoredOnlyAsAHash() {
        assertThat(get("requestAuthCode.aspx", null, "email", account.adminEmail(), "pwd",
                TestAccounts.ADMIN_PASSWORD).asString()).matches("OK\nAUTHCODE:[a-z0-9]{64,}");
        String body = post("requestAuthCode.aspx", null, "email", account.adminEmail(), "pwd",
                TestAccounts.ADMIN_PASSWORD).asString();
        assertThat(body).matches("OK\nAUTHCODE:[a-z0-9]{64,}");
        String code = body.substring("OK\nAUTHCODE:".length());
        long stored = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT COUNT(*) FROM auth_code WHERE code_hash = :h AND user_id = :u", Long.class)
                .setParameter("h", SecureTokens.hash(code)).setParameter("u", account.adminUserId())
                .getSingleResult());
        assertThat(stored).isOne();
        assertThat(both("requestAuthCode.aspx", null, "email", account.adminEmail(), "pwd", "wrong"))
                .isEqualTo("INVALID");
        assertThat(both("requestAuthCode.aspx", null, "email", "nobody@nowhere.example", "pwd", "x"))
                .isEqualTo("INVALID");
    }

    @Test
    void aNewAuthCodeInvalidatesThePreviousOne() {
        String first = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Long session = account.sessionIds().get(0);
        assertThat(get("transferSession.aspx", null, "session", session, "node", account.channelId(), "noderef",
                "CHANNEL", "authcode", first).asString()).isEqualTo("OK");
        String second = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(second).isNotEqualTo(first);
        assertThat(get("transferSession.aspx", null, "session", session, "node", account.channelId(), "noderef",
                "CHANNEL", "authcode", first).asString()).isEqualTo("INVALID_SECRETAUTHCODE");
        assertThat(get("transferSession.aspx", null, "session", session, "node", account.channelId(), "noderef",
                "CHANNEL", "authcode", second).asString()).isEqualTo("OK");
    }
}
