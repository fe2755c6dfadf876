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

    /**
     * The administration API's matrix: every /api/v1 endpoint against the operator, the account's master
     * administrator (login cookie and CSRF token), an administrator of another folder, a technician,
     * another account's administrator, a revoked token, an expired token and no credentials. Each cell
     * is the HTTP status; the table is printed.
     */
    @Test
    void everyAdministrationEndpointAnswersEachKindOfCallerAsDocumented() {
        SuiteDatabase db = SuiteDatabase.get();
        try (ServerProcess server = ServerProcess.start(db.jdbcUrl(),
                Map.of("SESSIONGATE_OPERATOR_TOKEN", AdminHttp.OPERATOR_TOKEN))) {
            String base = server.base();
            String site = "mx" + System.nanoTime();
            String created = AdminHttp.createAccount(base, site, "owner@" + site + ".example", "matrix-password");
            String token = AdminHttp.field(created, "token");
            long masterUser = Long.parseLong(AdminHttp.field(created, "masterUserId"));
            var accounts = db.accounts().accounts();
            Long a = accounts.findBySiteKey(site).orElseThrow().getId();
            var group = accounts.createNode(null, a, io.sessiongate.core.account.NodeKind.TECHNICIAN_GROUP, null, "G1");
            var tech = accounts.createNode(null, a, io.sessiongate.core.account.NodeKind.TECHNICIAN, group.getId(), "T1");
            var channel = accounts.createNode(null, a, io.sessiongate.core.account.NodeKind.CHANNEL, null, "C1");
            accounts.assignChannel(channel.getId(), Set.of(group.getId()));
            var otherGroup = accounts.createNode(null, a, io.sessiongate.core.account.NodeKind.TECHNICIAN_GROUP, null,
                    "G2");
            Long folders = accounts.createFolderList(a, "G2 only", Set.of(otherGroup.getId())).getId();
            var g2Admin = accounts.createRole(a, "G2 administrator", io.sessiongate.core.account.RoleKind.ADMINISTRATOR,
                    25, folders, false);
            Long techRole = db.database().inTransaction(s -> s.createSelectionQuery(
                    "from Role where accountId = :a and name = 'Technician'", io.sessiongate.core.account.Role.class)
                    .setParameter("a", a).getSingleResult().getId());
            accounts.createUser(a, "t1@" + site + ".example", "T1", "tech-pw-1", null, tech.getId(), Set.of(techRole));
            accounts.createUser(a, "g2@" + site + ".example", "G2 admin", "admin-pw-1", null, null,
                    Set.of(g2Admin.getId()));
            String otherSite = "mxo" + System.nanoTime();
            AdminHttp.createAccount(base, otherSite, "owner@" + otherSite + ".example", "matrix-password");

            AdminHttp.Caller master = AdminHttp.Caller.cookie("master admin", base,
                    Http.login(base, "owner@" + site + ".example", "matrix-password"));
            AdminHttp.Caller techCaller = AdminHttp.Caller.cookie("technician", base,
                    Http.login(base, "t1@" + site + ".example", "tech-pw-1"));
            AdminHttp.Caller tokenCaller = AdminHttp.Caller.bearer("token", token);
            String revokedBody = AdminHttp.send(base, tokenCaller, "POST", "api/v1/accounts/" + site + "/api-tokens",
                    "{\"name\":\"revoked\"}", null).body();
            String revoked = AdminHttp.field(revokedBody, "token");
            String revokedId = AdminHttp.field(revokedBody, "id");
            assertThat(AdminHttp.send(base, tokenCaller, "DELETE", "api/v1/accounts/" + site + "/api-tokens/" + revokedId,
                    null, null).statusCode()).isEqualTo(200);
            String expired = AdminHttp.field(AdminHttp.send(base, tokenCaller, "POST", "api/v1/accounts/" + site
                    + "/api-tokens", "{\"name\":\"expired\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}", null).body(), "token");
            db.database().doInTransaction(s -> s.createNativeMutationQuery(
                    "UPDATE api_token SET expires_at = '2001-01-01 00:00:00' WHERE token_hash = :h")
                    .setParameter("h", SecureTokens.hash(expired)).executeUpdate());
            String techSession = AdminHttp.field(AdminHttp.send(base, tokenCaller, "GET", "api/v1/accounts/" + site
                    + "/web-sessions?userId=" + db.accounts().accounts().findUser(a, "t1@" + site + ".example")
                    .orElseThrow().getId(), null, null).body(), "id");

            List<AdminHttp.Caller> callers = List.of(AdminHttp.Caller.bearer("operator", AdminHttp.OPERATOR_TOKEN),
                    master, AdminHttp.Caller.cookie("admin of another folder", base,
                            Http.login(base, "g2@" + site + ".example", "admin-pw-1")), techCaller,
                    AdminHttp.Caller.cookie("other account's admin", base,
                            Http.login(base, "owner@" + otherSite + ".example", "matrix-password")),
                    AdminHttp.Caller.bearer("revoked token", revoked), AdminHttp.Caller.bearer("expired token", expired),
                    new AdminHttp.Caller("none", null, null, null));
            String acc = "api/v1/accounts/" + site;
            java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
            java.util.function.Supplier<Long> waiting = () -> db.accounts().createWaitingSession(a, channel.getId());
            Map<String, BiFunction<AdminHttp.Caller, Integer, String>> endpoints = new LinkedHashMap<>();
            endpoints.put("POST accounts", (c, i) -> status(base, c, "POST", "api/v1/accounts", "{\"siteKey\":\"mxn"
                    + System.nanoTime() + "\",\"name\":\"n\",\"masterAdministrator\":{\"email\":\"n@n.example\","
                    + "\"name\":\"n\",\"password\":\"new-password\"}}", null));
            endpoints.put("GET accounts", (c, i) -> status(base, c, "GET", "api/v1/accounts", null, null));
            endpoints.put("GET session", (c, i) -> status(base, c, "GET", "api/v1/session", null, null));
            endpoints.put("GET openapi.json", (c, i) -> status(base, c, "GET", "api/v1/openapi.json", null, null));
            endpoints.put("GET account", (c, i) -> status(base, c, "GET", acc, null, null));
            endpoints.put("PATCH account", (c, i) -> status(base, c, "PATCH", acc, "{\"name\":\"Site " + site + "\"}", "*"));
            endpoints.put("POST api-tokens", (c, i) -> status(base, c, "POST", acc + "/api-tokens",
                    "{\"name\":\"cell " + seq.incrementAndGet() + "\"}", null));
            endpoints.put("GET api-tokens", (c, i) -> status(base, c, "GET", acc + "/api-tokens", null, null));
            endpoints.put("DELETE api-tokens/{id}", (c, i) -> status(base, c, "DELETE", acc + "/api-tokens/"
                    + AdminHttp.field(AdminHttp.send(base, tokenCaller, "POST", acc + "/api-tokens",
                    "{\"name\":\"to revoke\"}", null).body(), "id"), null, null));
            endpoints.put("GET web-sessions", (c, i) -> status(base, c, "GET", acc + "/web-sessions", null, null));
            endpoints.put("GET web-sessions/{id}", (c, i) -> status(base, c, "GET", acc + "/web-sessions/" + techSession,
                    null, null));
            endpoints.put("PATCH web-sessions/{id}", (c, i) -> status(base, c, "PATCH", acc + "/web-sessions/"
                    + techSession, "{\"ipAddress\":\"192.0.2." + (i + 1) + "\"}", "*"));
            endpoints.put("GET events", (c, i) -> status(base, c, "GET", acc + "/events", null, null));
            endpoints.put("POST support-sessions", (c, i) -> status(base, c, "POST", acc + "/support-sessions",
                    "{\"channelId\":" + channel.getId() + "}", null));
            endpoints.put("GET support-sessions", (c, i) -> status(base, c, "GET", acc + "/support-sessions", null, null));
            endpoints.put("GET support-sessions/{id}", (c, i) -> status(base, c, "GET", acc + "/support-sessions/"
                    + waiting.get(), null, null));
            endpoints.put("POST .../transfer", (c, i) -> status(base, c, "POST", acc + "/support-sessions/"
                    + waiting.get() + "/transfer", "{\"channelId\":" + channel.getId() + "}", null));
            endpoints.put("POST .../start", (c, i) -> {
                assertThat(status(base, techCaller, "POST", "api/v1/console/heartbeat", "{\"status\":\"Online\"}", null))
                        .isEqualTo("200");
                return status(base, c, "POST", acc + "/support-sessions/" + waiting.get() + "/start",
                        "{\"technicianId\":" + tech.getId() + "}", null);
            });
            endpoints.put("POST .../hold (waiting)", (c, i) -> status(base, c, "POST", acc + "/support-sessions/"
                    + waiting.get() + "/hold", null, null));
            endpoints.put("POST .../close", (c, i) -> status(base, c, "POST", acc + "/support-sessions/" + waiting.get()
                    + "/close", null, null));
            endpoints.put("POST .../cancel-action", (c, i) -> status(base, c, "POST", acc + "/support-sessions/"
                    + waiting.get() + "/cancel-action", null, null));
            endpoints.put("GET console/sessions", (c, i) -> status(base, c, "GET", "api/v1/console/sessions", null, null));
            endpoints.put("POST console/heartbeat", (c, i) -> status(base, c, "POST", "api/v1/console/heartbeat",
                    "{\"status\":\"Online\"}", null));

            // the directory (issue 16): nodes, users, roles, folder lists; what a cell deletes is made fresh for it
            long g1 = group.getId();
            long t1User = accounts.findUser(a, "t1@" + site + ".example").orElseThrow().getId();
            String ifAny = "*";
            endpoints.put("GET hierarchy", (c, i) -> status(base, c, "GET", acc + "/hierarchy", null, null));
            endpoints.put("POST groups", (c, i) -> status(base, c, "POST", acc + "/groups", "{\"parentId\":" + g1
                    + ",\"name\":\"cell " + seq.incrementAndGet() + "\"}", null));
            endpoints.put("POST channels", (c, i) -> status(base, c, "POST", acc + "/channels", "{\"name\":\"cell "
                    + seq.incrementAndGet() + "\"}", null));
            endpoints.put("GET nodes/{id}", (c, i) -> status(base, c, "GET", acc + "/nodes/" + g1, null, null));
            endpoints.put("GET nodes/{id} (G2's)", (c, i) -> status(base, c, "GET", acc + "/nodes/" + otherGroup.getId(),
                    null, null));
            endpoints.put("PATCH nodes/{id}", (c, i) -> status(base, c, "PATCH", acc + "/nodes/" + g1,
                    "{\"description\":\"cell " + i + "\"}", ifAny));
            endpoints.put("DELETE nodes/{id}", (c, i) -> status(base, c, "DELETE", acc + "/nodes/" + accounts.createNode(
                    null, a, io.sessiongate.core.account.NodeKind.TECHNICIAN_GROUP, g1, "doomed " + i).getId(), null,
                    null));
            endpoints.put("PUT channels/{id}/groups/{id}", (c, i) -> status(base, c, "PUT", acc + "/channels/"
                    + channel.getId() + "/groups/" + g1, null, null));
            endpoints.put("DELETE channels/{id}/groups/{id}", (c, i) -> {
                var assigned = accounts.createNode(null, a, io.sessiongate.core.account.NodeKind.CHANNEL, null, "ch " + i);
                accounts.assignChannel(assigned.getId(), Set.of(g1));
                return status(base, c, "DELETE", acc + "/channels/" + assigned.getId() + "/groups/" + g1, null, null);
            });
            endpoints.put("POST users", (c, i) -> status(base, c, "POST", acc + "/users", "{\"email\":\"cell"
                    + seq.incrementAndGet() + "@" + site + ".example\",\"name\":\"Cell\",\"password\":"
                    + "\"cell-password\",\"technicianGroupId\":" + g1 + "}", null));
            endpoints.put("GET users", (c, i) -> status(base, c, "GET", acc + "/users", null, null));
            endpoints.put("GET users/{id}", (c, i) -> status(base, c, "GET", acc + "/users/" + t1User, null, null));
            endpoints.put("PATCH users/{id}", (c, i) -> status(base, c, "PATCH", acc + "/users/" + t1User,
                    "{\"name\":\"T1\"}", ifAny));
            endpoints.put("POST roles", (c, i) -> status(base, c, "POST", acc + "/roles", "{\"name\":\"cell "
                    + seq.incrementAndGet() + "\",\"kind\":\"TECHNICIAN\",\"priority\":1,\"folderListId\":"
                    + folders + "}", null));
            endpoints.put("GET roles", (c, i) -> status(base, c, "GET", acc + "/roles", null, null));
            endpoints.put("GET roles/{id}", (c, i) -> status(base, c, "GET", acc + "/roles/" + g2Admin.getId(), null,
                    null));
            endpoints.put("PATCH roles/{id}", (c, i) -> status(base, c, "PATCH", acc + "/roles/" + g2Admin.getId(),
                    "{\"priority\":25}", ifAny));
            endpoints.put("DELETE roles/{id}", (c, i) -> status(base, c, "DELETE", acc + "/roles/" + accounts.createRole(
                    a, "doomed " + i, io.sessiongate.core.account.RoleKind.TECHNICIAN, 1, folders, false).getId(), null,
                    null));
            endpoints.put("POST folder-lists", (c, i) -> status(base, c, "POST", acc + "/folder-lists",
                    "{\"name\":\"cell " + seq.incrementAndGet() + "\",\"groupIds\":[" + g1 + "]}", null));
            endpoints.put("GET folder-lists", (c, i) -> status(base, c, "GET", acc + "/folder-lists", null, null));
            endpoints.put("GET folder-lists/{id}", (c, i) -> status(base, c, "GET", acc + "/folder-lists/" + folders,
                    null, null));
            endpoints.put("PATCH folder-lists/{id}", (c, i) -> status(base, c, "PATCH", acc + "/folder-lists/"
                    + folders, "{\"name\":\"G2 only\"}", ifAny));
            endpoints.put("DELETE folder-lists/{id}", (c, i) -> status(base, c, "DELETE", acc + "/folder-lists/"
                    + accounts.createFolderList(a, "doomed " + i, Set.of(g1)).getId(), null, null));

            // operator, master, another folder's admin, technician, another account's admin, revoked, expired, none
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("POST accounts", "201 403 403 403 403 401 401 401");
            expected.put("GET accounts", "200 403 403 403 403 401 401 401");
            expected.put("GET session", "200 200 200 200 200 401 401 401");
            expected.put("GET openapi.json", "200 200 200 200 200 200 200 200");
            expected.put("GET account", "403 200 200 403 404 401 401 401");
            expected.put("PATCH account", "403 200 403 403 404 401 401 401");
            expected.put("POST api-tokens", "403 201 403 403 404 401 401 401");
            expected.put("GET api-tokens", "403 200 403 403 404 401 401 401");
            expected.put("DELETE api-tokens/{id}", "403 200 403 403 404 401 401 401");
            expected.put("GET web-sessions", "403 200 200 403 404 401 401 401");
            expected.put("GET web-sessions/{id}", "403 200 200 403 404 401 401 401");
            expected.put("PATCH web-sessions/{id}", "403 200 200 403 404 401 401 401");
            expected.put("GET events", "403 200 403 403 404 401 401 401");
            expected.put("POST support-sessions", "403 201 422 403 404 401 401 401");
            expected.put("GET support-sessions", "403 200 200 403 404 401 401 401");
            expected.put("GET support-sessions/{id}", "403 200 404 403 404 401 401 401");
            // the Rescue services check the target before the session (the vendor's order): out of reach, 422
            expected.put("POST .../transfer", "403 200 422 403 404 401 401 401");
            expected.put("POST .../start", "403 200 422 403 404 401 401 401");
            expected.put("POST .../hold (waiting)", "403 409 404 403 404 401 401 401");
            expected.put("POST .../close", "403 200 404 403 404 401 401 401");
            expected.put("POST .../cancel-action", "403 409 404 403 404 401 401 401");
            expected.put("GET console/sessions", "401 403 403 200 403 401 401 401");
            expected.put("POST console/heartbeat", "401 403 403 200 403 401 401 401");
            // an administrator of G2 reads the tree and users they reach (G2's), and nothing beyond G2
            expected.put("GET hierarchy", "403 200 200 403 404 401 401 401");
            expected.put("POST groups", "403 201 403 403 404 401 401 401");
            expected.put("POST channels", "403 201 403 403 404 401 401 401");
            expected.put("GET nodes/{id}", "403 200 403 403 404 401 401 401");
            expected.put("GET nodes/{id} (G2's)", "403 200 200 403 404 401 401 401");
            expected.put("PATCH nodes/{id}", "403 200 403 403 404 401 401 401");
            expected.put("DELETE nodes/{id}", "403 200 403 403 404 401 401 401");
            expected.put("PUT channels/{id}/groups/{id}", "403 200 403 403 404 401 401 401");
            expected.put("DELETE channels/{id}/groups/{id}", "403 200 403 403 404 401 401 401");
            expected.put("POST users", "403 201 403 403 404 401 401 401");
            expected.put("GET users", "403 200 200 403 404 401 401 401");
            expected.put("GET users/{id}", "403 200 403 403 404 401 401 401");
            expected.put("PATCH users/{id}", "403 200 403 403 404 401 401 401");
            // roles and folder lists: the whole account's only
            expected.put("POST roles", "403 201 403 403 404 401 401 401");
            expected.put("GET roles", "403 200 403 403 404 401 401 401");
            expected.put("GET roles/{id}", "403 200 403 403 404 401 401 401");
            expected.put("PATCH roles/{id}", "403 200 403 403 404 401 401 401");
            expected.put("DELETE roles/{id}", "403 200 403 403 404 401 401 401");
            expected.put("POST folder-lists", "403 201 403 403 404 401 401 401");
            expected.put("GET folder-lists", "403 200 403 403 404 401 401 401");
            expected.put("GET folder-lists/{id}", "403 200 403 403 404 401 401 401");
            expected.put("PATCH folder-lists/{id}", "403 200 403 403 404 401 401 401");
            expected.put("DELETE folder-lists/{id}", "403 200 403 403 404 401 401 401");

            StringBuilder table = new StringBuilder(String.format("%-34s", "endpoint \\ caller"));
            callers.forEach(c -> table.append(" | ").append(c.name()));
            table.append('\n');
            List<String> mismatches = new ArrayList<>();
            for (var e : endpoints.entrySet()) {
                table.append(String.format("%-34s", e.getKey()));
                List<String> wanted = List.of(expected.get(e.getKey()).split(" "));
                for (int i = 0; i < callers.size(); i++) {
                    String actual = e.getValue().apply(callers.get(i), i);
                    table.append(" | ").append(actual);
                    if (!wanted.get(i).equals(actual)) {
                        mismatches.add(e.getKey() + " as " + callers.get(i).name() + ": expected " + wanted.get(i)
                                + ", got " + actual);
                    }
                }
                table.append('\n');
            }
            System.out.printf("[authorisation matrix /api/v1] %d cells (%d endpoints x %d callers)%n%s",
                    endpoints.size() * callers.size(), endpoints.size(), callers.size(), table);
            assertThat(mismatches).isEmpty();
            // every change of the account's support sessions was made by its master administrator
            List<Long> by = db.database().inTransaction(s -> s.createNativeQuery("SELECT DISTINCT by_user_id FROM event"
                    + " WHERE account_id = :a AND object_type = 'SUPPORT_SESSION'", Long.class)
                    .setParameter("a", a).getResultList());
            assertThat(by).containsExactly(masterUser);
        }
    }

    private static String status(String base, AdminHttp.Caller c, String method, String path, String json,
                                 String ifMatch) {
        return Integer.toString(AdminHttp.send(base, c, method, path, json, ifMatch).statusCode());
    }
}
