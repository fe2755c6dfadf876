package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.SecureTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of caller: each cell is the documented refusal, or success for
 * the account's own administrator (and where a technician may read). The table is printed.
 */
class AuthorizationMatrixTest {

    /** Who calls: a cookie or an auth code, or nothing. */
    private record Caller(String name, String cookie, String authCode) {
    }

    @Test
    void everyEndpointRefusesEveryCallerButTheOnesItServes() {
        SuiteDatabase db = SuiteDatabase.get();
        TestAccount a = db.accounts().create(2);
        TestAccount other = db.accounts().create(1);
        try (ServerProcess server = ServerProcess.start(db.jdbcUrl())) {
            String base = server.base();
            Long anonymousTarget = db.database().inTransaction(s -> {
                return new io.sessiongate.core.websession.WebSessionRepository().insert(
                    io.sessiongate.core.persistence.Tx.of(s), a.accountId(),
                        SecureTokens.hash(SecureTokens.random(48)), null, java.time.Instant.now(),
                    io.sessiongate.core.websession.WebSessionRepository.Snapshot.ANONYMOUS);
            });
            String disabledEmail = extraAdmin(db, a, "disabled");
            String deletedEmail = extraAdmin(db, a, "deleted");
            String endedEmail = extraAdmin(db, a, "ended");
            String idleEmail = extraAdmin(db, a, "idle");
            Caller admin = new Caller("administrator", Http.login(base, a.adminEmail(), TestAccounts.ADMIN_PASSWORD),
                    null);
            long adminSession = surrogate(base, admin.cookie());
            List<Caller> callers = new ArrayList<>();
            callers.add(new Caller("no credentials", null, null));
            callers.add(new Caller("wrong auth code", null, "wrongcode" + "x".repeat(71)));
            callers.add(new Caller("technician", Http.login(base, a.onlineTechEmail(), TestAccounts.TECH_PASSWORD), null));
            callers.add(new Caller("other account's admin", Http.login(base, other.adminEmail(),
                    TestAccounts.ADMIN_PASSWORD), null));
            Caller disabled = new Caller("disabled user", Http.login(base, disabledEmail, "pw"), null);
            Caller deleted = new Caller("deleted user", Http.login(base, deletedEmail, "pw"), null);
            Caller ended = new Caller("ended web session", Http.login(base, endedEmail, "pw"), null);
            Caller idle = new Caller("timed-out web session", Http.login(base, idleEmail, "pw"), null);
            setStatus(db, a, disabledEmail, UserStatus.DISABLED);
            setStatus(db, a, deletedEmail, UserStatus.DELETED);
            assertThat(Http.rescue(base, "logout.aspx", ended.cookie()).body()).isEqualTo("OK");
            db.database().doInTransaction(s -> s.createNativeMutationQuery(
                    "UPDATE web_session SET last_request_at = last_request_at - INTERVAL 21 MINUTE WHERE token_hash = :h")
                    .setParameter("h", SecureTokens.hash(idle.cookie())).executeUpdate());
            callers.addAll(List.of(disabled, deleted, ended, idle, admin));

            Long session = a.sessionIds().get(0);
            Map<String, BiFunction<Caller, Integer, String>> endpoints = new LinkedHashMap<>();
            endpoints.put("transferSession.aspx", (c, i) -> Http.rescue(base, "transferSession.aspx", c.cookie(),
                    params("session", session, "node", a.channelId(), "noderef", "CHANNEL", "authcode", c.authCode()))
                    .body());
            endpoints.put("getSession_v3.aspx", (c, i) -> firstLine(Http.rescue(base, "getSession_v3.aspx", c.cookie(),
                    params("node", a.channelId(), "noderef", "CHANNEL", "authcode", c.authCode())).body()));
            endpoints.put("getUser_v3.aspx", (c, i) -> firstLine(Http.rescue(base, "getUser_v3.aspx", c.cookie(),
                    params("node", a.onlineTechNodeId(), "authcode", c.authCode())).body()));
            endpoints.put("SOAP transferSession", (c, i) -> soapTransfer(base, c, session, a.channelId()));
            endpoints.put("Session.UpdateValidation", (c, i) -> apiServer(base, c, "POST",
                    "Session.UpdateValidation", "{\"SessionSurrogate\":\"" + anonymousTarget + "\",\"SessionSiteKey\":\""
                            + a.siteKey() + "\",\"SessionStatus\":\"A\"}"));
            endpoints.put("Session.GetSessionData", (c, i) -> apiServer(base, c, "GET",
                    "Session.GetSessionData?SessionSurrogate=" + adminSession, null));
            endpoints.put("console heartbeat", (c, i) -> heartbeat(base, c));

            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put("transferSession.aspx", List.of("NOTLOGGEDINASADMIN", "INVALID_SECRETAUTHCODE",
                    "NOTLOGGEDINASADMIN", "INVALIDPARAM_NODE", "USER_DELETED_OR_DISABLED", "USER_DELETED_OR_DISABLED",
                    "NOTLOGGEDINASADMIN", "NOTLOGGEDINASADMIN", "OK"));
            expected.put("getSession_v3.aspx", List.of("NOTLOGGEDIN", "INVALID_SECRETAUTHCODE", "OK",
                    "INVALIDPARAM_NODE", "USER_DELETED_OR_DISABLED", "USER_DELETED_OR_DISABLED", "NOTLOGGEDIN",
                    "NOTLOGGEDIN", "OK"));
            expected.put("getUser_v3.aspx", List.of("NOTLOGGEDIN", "INVALID_SECRETAUTHCODE", "OK", "INVALIDPARAM_NODE",
                    "USER_DELETED_OR_DISABLED", "USER_DELETED_OR_DISABLED", "NOTLOGGEDIN", "NOTLOGGEDIN", "OK"));
            expected.put("SOAP transferSession", List.of("transferSessionRet_NotLoggedInAsAdmin",
                    "transferSessionRet_Invalid_SecretAuthCode", "transferSessionRet_NotLoggedInAsAdmin",
                    "transferSessionRet_InvalidParam_Node", "transferSessionRet_User_Deleted_Or_Disabled",
                    "transferSessionRet_User_Deleted_Or_Disabled", "transferSessionRet_NotLoggedInAsAdmin",
                    "transferSessionRet_NotLoggedInAsAdmin", "transferSessionRet_OK"));
            expected.put("Session.UpdateValidation", List.of("401 NOT_AUTHENTICATED", "401 NOT_AUTHENTICATED",
                    "401 NOT_AUTHENTICATED", "422 SITE_NOT_FOUND,SESSION_NOT_FOUND", "401 NOT_AUTHENTICATED",
                    "401 NOT_AUTHENTICATED", "401 NOT_AUTHENTICATED", "401 NOT_AUTHENTICATED", "200 *Successful"));
            expected.put("Session.GetSessionData", List.of("401 NOT_AUTHENTICATED", "401 NOT_AUTHENTICATED",
                    "401 NOT_AUTHENTICATED", "404 SESSION_NOT_FOUND", "401 NOT_AUTHENTICATED", "401 NOT_AUTHENTICATED",
                    "401 NOT_AUTHENTICATED", "401 NOT_AUTHENTICATED", "200 session " + adminSession));
            expected.put("console heartbeat", List.of("401", "401", "200", "403", "403", "403", "401", "401", "403"));

            StringBuilder table = new StringBuilder(String.format("%-26s", "endpoint \\ caller"));
            callers.forEach(c -> table.append(" | ").append(c.name()));
            table.append('\n');
            List<String> mismatches = new ArrayList<>();
            int cells = 0;
            for (var e : endpoints.entrySet()) {
                table.append(String.format("%-26s", e.getKey()));
                for (int i = 0; i < callers.size(); i++) {
                    String actual = e.getValue().apply(callers.get(i), i);
                    String wanted = expected.get(e.getKey()).get(i);
                    table.append(" | ").append(actual);
                    cells++;
                    if (!wanted.equals(actual)) {
                        mismatches.add(e.getKey() + " as " + callers.get(i).name() + ": expected " + wanted + ", got "
                                + actual);
                    }
                }
                table.append('\n');
            }
            System.out.printf("[authorisation matrix] %d cells (%d endpoints x %d callers)%n%s", cells,
                    endpoints.size(), callers.size(), table);
            assertThat(mismatches).isEmpty();

            // nobody but the account's administrator changed account A's data
            List<Object[]> transfers = db.database().inTransaction(s -> s.createNativeQuery(
                    "SELECT by_user_id, COUNT(*) FROM transfer WHERE account_id = :a GROUP BY by_user_id", Object[].class)
                    .setParameter("a", a.accountId()).getResultList());
            assertThat(transfers).hasSize(1);
            assertThat(((Number) transfers.get(0)[0]).longValue()).isEqualTo(a.adminUserId());
            assertThat(((Number) transfers.get(0)[1]).longValue()).isEqualTo(2); // the .aspx and the SOAP cell
        }
    }

    private static String extraAdmin(SuiteDatabase db, TestAccount a, String name) {
        String email = name + "@" + a.siteKey() + ".example";
        db.accounts().accounts().createUser(a.accountId(), email, name, "pw", null, null, Set.of(a.adminRoleId()));
        return email;
    }

    private static void setStatus(SuiteDatabase db, TestAccount a, String email, UserStatus status) {
        db.accounts().accounts().setUserStatus(db.accounts().accounts().findUser(a.accountId(), email).orElseThrow()
                .getId(), status);
    }

    private static long surrogate(String base, String cookie) {
        String body = Http.send(HttpRequest.newBuilder(URI.create(base + "APIServer/Session.GetSessionData"))
                .header("Cookie", "ASP.NET_SessionId=" + cookie).build()).body();
        return Long.parseLong(body.replaceAll(".*\"SessionSurrogate\":(\\d+).*", "$1"));
    }

    private static Object[] params(Object... kv) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                out.add(kv[i]);
                out.add(kv[i + 1]);
            }
        }
        return out.toArray();
    }

    private static String firstLine(String body) {
        int nl = body.indexOf('\n');
        return nl < 0 ? body : body.substring(0, nl);
    }

    private static String soapTransfer(String base, Caller c, Long session, Long node) {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<transferSession xmlns=\"https://secure.logmeinrescue.com/API/API.asmx\"><iSessionID>" + session
                + "</iSessionID><iNodeID>" + node + "</iNodeID><eNodeRef>CHANNEL</eNodeRef>"
                + (c.authCode() == null ? "" : "<sAuthCode>" + c.authCode() + "</sAuthCode>")
                + "</transferSession></soap:Body></soap:Envelope>";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "API/API.asmx")).timeout(Http.TIMEOUT)
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (c.cookie() != null) {
            b.header("Cookie", "ASP.NET_SessionId=" + c.cookie());
        }
        Matcher m = Pattern.compile("<transferSessionResult>([^<]*)<").matcher(Http.send(b.build()).body());
        return m.find() ? m.group(1) : "no result";
    }

    private static String apiServer(String base, Caller c, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "APIServer/" + path)).timeout(Http.TIMEOUT);
        if (json != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        if (c.cookie() != null) {
            b.header("Cookie", "ASP.NET_SessionId=" + c.cookie());
        }
        if (c.authCode() != null) {
            b.header("Authorization", "Bearer " + c.authCode());
        }
        HttpResponse<String> r = Http.send(b.build());
        if (r.statusCode() == 200) {
            return r.body().contains("\"SessionSurrogate\"")
                    ? "200 session " + r.body().replaceAll(".*\"SessionSurrogate\":(\\d+).*", "$1")
                    : "200 " + r.body().replaceAll(".*\"ReturnedStatus\":\"([^\"]*)\".*", "$1");
        }
        Matcher m = Pattern.compile("\"Code\":\"([A-Z_]+)\"").matcher(r.body());
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return r.statusCode() + " " + String.join(",", codes);
    }

    private static String heartbeat(String base, Caller c) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "api/v1/console/heartbeat"))
                .timeout(Http.TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Online\"}"));
        if (c.cookie() != null) {
            b.header("Cookie", "ASP.NET_SessionId=" + c.cookie());
        }
        if (c.authCode() != null) {
            b.header("Authorization", "Bearer " + c.authCode());
        }
        return Integer.toString(Http.send(b.build()).statusCode());
    }
}
