package io.sessiongate.server.admin;

import static io.sessiongate.server.testing.AdminApi.api;
import static io.sessiongate.server.testing.AdminApi.as;
import static io.sessiongate.server.testing.AdminApi.operator;
import static io.sessiongate.server.testing.AdminApi.problem;
import static io.sessiongate.server.testing.AdminApi.raw;
import static io.sessiongate.server.testing.AdminApi.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.AdminApi.ApiAccount;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST/GET /api/v1/accounts and GET/PATCH /api/v1/accounts/{siteKey}, over HTTP against MariaDB. */
class AccountsApiTest {

    private final TestServer server = TestServer.get();

    private static Map<String, Object> newAccount(String site, String email, String password) {
        return Map.of("siteKey", site, "name", "Site " + site, "masterAdministrator",
                Map.of("email", email, "name", "Owner", "password", password));
    }

    private List<String> events(String objectType, Long accountId) {
        return server.core().database().inTransaction(s -> s.createNativeQuery("SELECT action FROM event"
                        + " WHERE account_id = :a AND object_type = :t ORDER BY id", String.class)
                .setParameter("a", accountId).setParameter("t", objectType).getResultList());
    }

    @Test
    void theOperatorCreatesAnAccountWhoseMasterAdministratorLogsInAndWhoseTokenWorks() {
        String site = "acme" + System.nanoTime();
        Response r = operator().contentType("application/json")
                .body(newAccount(site, "Owner@" + site + ".example", "correct-horse")).post("/api/v1/accounts");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith("/api/v1/accounts/" + site);
        JsonPath body = r.jsonPath();
        assertThat(body.getString("account.siteKey")).isEqualTo(site);
        assertThat(body.getString("account.name")).isEqualTo("Site " + site);
        assertThat(body.getInt("account.pinValidityMinutes")).isEqualTo(20);
        assertThat(body.getInt("account.webSessionTimeoutMinutes")).isEqualTo(20);
        assertThat(body.getString("apiToken.token")).matches("sgk_[a-z0-9]{48}");
        assertThat(body.getLong("apiToken.userId")).isEqualTo(body.getLong("masterUserId"));
        String token = body.getString("apiToken.token");
        Long accountId = server.accounts().accounts().findBySiteKey(site).orElseThrow().getId();
        // only the token's hash is stored
        Long stored = server.core().database().inTransaction(s -> s.createNativeQuery(
                "SELECT COUNT(*) FROM api_token WHERE account_id = :a AND token_hash = SHA2(:t, 256)", Long.class)
                .setParameter("a", accountId).setParameter("t", token).getSingleResult());
        assertThat(stored).isEqualTo(1L);
        assertThat(events("ACCOUNT", accountId)).containsExactly("CREATED");
        assertThat(events("API_TOKEN", accountId)).containsExactly("CREATED");

        // The master administrator logs in through login.aspx (the email is stored in lower case).
        String cookie = RescueCalls.login("owner@" + site + ".example", "correct-horse");
        assertThat(withCookie(cookie).get("/api/v1/session").jsonPath().getString("siteKey")).isEqualTo(site);
        as(token).get("/api/v1/accounts/" + site).then().statusCode(200).header("ETag", "\"0\"");
        assertThat(AdminApi.cookie(cookie).get("/api/v1/accounts/" + site).jsonPath()
                .getString("name")).isEqualTo("Site " + site);
    }

    @Test
    void everyBrokenRuleOfANewAccountIsReportedAtOnce() {
        Response r = raw().header("Authorization", "Bearer " + TestServer.OPERATOR_TOKEN)
                .contentType("application/json").body(Map.of("siteKey", "no spaces", "name", " ",
                        "masterAdministrator", Map.of("email", "not-an-email", "name", "x".repeat(201),
                                "password", "short"))).post("/api/v1/accounts");
        assertThat(problem(r, 422)).isEqualTo("validation-failed");
        assertThat(r.jsonPath().getList("errors.field")).containsExactly("siteKey", "name",
                "masterAdministrator.email", "masterAdministrator.name", "masterAdministrator.password");
        assertThat(r.jsonPath().getList("errors.code")).containsExactly("INVALID_SITE_KEY", "REQUIRED", "INVALID_EMAIL",
                "TOO_LONG", "TOO_SHORT");
        Response missing = raw().header("Authorization", "Bearer " + TestServer.OPERATOR_TOKEN)
                .contentType("application/json").body("{}").post("/api/v1/accounts");
        assertThat(missing.jsonPath().getList("errors.code")).containsExactly("REQUIRED", "REQUIRED", "REQUIRED");
        String tooLong = "p".repeat(73);
        assertThat(raw().header("Authorization", "Bearer " + TestServer.OPERATOR_TOKEN).contentType("application/json")
                .body(newAccount("ok" + System.nanoTime(), "a@b.example", tooLong)).post("/api/v1/accounts")
                .jsonPath().getList("errors.code")).containsExactly("TOO_LONG");
    }

    @Test
    void aTakenSiteKeyIsAConflict() {
        ApiAccount a = AdminApi.account();
        Response r = operator().contentType("application/json")
                .body(newAccount(a.siteKey(), "x@y.example", "long-enough")).post("/api/v1/accounts");
        assertThat(problem(r, 409)).isEqualTo("conflict");
        assertThat(r.jsonPath().getString("code")).isEqualTo("SITE_KEY_TAKEN");
    }

    @Test
    void onlyTheOperatorCreatesAndListsAccounts() {
        ApiAccount a = AdminApi.account();
        assertThat(problem(raw().get("/api/v1/accounts"), 401)).isEqualTo("not-authenticated");
        assertThat(problem(raw().header("Authorization", "Bearer not-the-operator-token-at-all").get("/api/v1/accounts"),
                401)).isEqualTo("not-authenticated");
        Response byToken = as(a.token()).get("/api/v1/accounts");
        assertThat(problem(byToken, 403)).isEqualTo("forbidden");
        assertThat(byToken.jsonPath().getString("code")).isEqualTo("NOT_OPERATOR");
        assertThat(problem(as(a.token()).contentType("application/json").body(newAccount("z" + System.nanoTime(),
                "a@b.example", "long-enough")).post("/api/v1/accounts"), 403)).isEqualTo("forbidden");
        // ... and nothing else
        Response operatorOnAccount = operator().get("/api/v1/accounts/" + a.siteKey());
        assertThat(problem(operatorOnAccount, 403)).isEqualTo("forbidden");
        assertThat(operatorOnAccount.jsonPath().getString("code")).isEqualTo("OPERATOR");
    }

    @Test
    void theOperatorPagesThroughEveryAccountWithACursor() {
        for (int i = 0; i < 3; i++) {
            AdminApi.account();
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = operator().queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get("/api/v1/accounts").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.siteKey"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates().contains("demo", "other");
        assertThat(problem(raw().header("Authorization", "Bearer " + TestServer.OPERATOR_TOKEN).queryParam("limit", 201)
                .queryParam("cursor", "bm9wZToz").get("/api/v1/accounts"), 422)).isEqualTo("validation-failed");
        assertThat(raw().header("Authorization", "Bearer " + TestServer.OPERATOR_TOKEN).queryParam("limit", 0)
                .get("/api/v1/accounts").jsonPath().getList("errors.code")).containsExactly("INVALID_LIMIT");
    }

    @Test
    void aMasterAdministratorChangesTheSettingsUnderTheETagTheyRead() {
        ApiAccount a = AdminApi.account();
        String path = "/api/v1/accounts/" + a.siteKey();
        String etag = as(a.token()).get(path).then().statusCode(200).extract().header("ETag");
        Response changed = as(a.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("name", "Renamed", "pinValidityMinutes", 30, "webSessionTimeoutMinutes", 60))
                .patch(path);
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        assertThat(changed.jsonPath().getString("name")).isEqualTo("Renamed");
        assertThat(changed.jsonPath().getInt("pinValidityMinutes")).isEqualTo(30);
        assertThat(changed.jsonPath().getInt("webSessionTimeoutMinutes")).isEqualTo(60);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        // the stale ETag is refused, a missing one required
        assertThat(problem(as(a.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("name", "Again")).patch(path), 412)).isEqualTo("precondition-failed");
        assertThat(problem(raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("name", "Again")).patch(path), 428)).isEqualTo("precondition-required");
        assertThat(as(a.token()).get(path).jsonPath().getString("name")).isEqualTo("Renamed");
        // every broken rule, and the event of the change
        Response invalid = raw().header("Authorization", "Bearer " + a.token()).header("If-Match", "*")
                .contentType("application/json")
                .body("{\"pinValidityMinutes\":-1,\"waitingTimeoutMinutes\":10081,\"webSessionTimeoutMinutes\":0}")
                .patch(path);
        assertThat(problem(invalid, 422)).isEqualTo("validation-failed");
        assertThat(invalid.jsonPath().getList("errors.field")).containsExactly("pinValidityMinutes",
                "waitingTimeoutMinutes", "webSessionTimeoutMinutes");
        assertThat(events("ACCOUNT", (Long) a.accountId())).containsExactly("CREATED", "CHANGED");
        JsonPath trail = as(a.token()).queryParam("objectType", "ACCOUNT").get(path + "/events").jsonPath();
        assertThat(trail.getMap("items[1].before")).containsEntry("name", "Site " + a.siteKey())
                .containsEntry("pinValidityMinutes", 20);
        assertThat(trail.getMap("items[1].after")).containsEntry("name", "Renamed").containsEntry("pinValidityMinutes", 30);
        assertThat(trail.getLong("items[1].byUserId")).isEqualTo(a.masterUserId());
    }

    @Test
    void anAdministratorOfSomeFoldersReadsTheAccountButMayNotChangeIt() {
        ApiAccount a = AdminApi.account();
        String cookie = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        String path = "/api/v1/accounts/" + a.siteKey();
        String etag = withCookie(cookie).get(path).then().statusCode(200).extract().header("ETag");
        Response r = withCookie(cookie).header("If-Match", etag).contentType("application/json")
                .body(Map.of("name", "Mine")).patch(path);
        assertThat(problem(r, 403)).isEqualTo("forbidden");
        assertThat(r.jsonPath().getString("code")).isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        // a technician may do nothing here, another account's administrator finds nothing
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(withCookie(tech).get(path).jsonPath().getString("code")).isEqualTo("NOT_AN_ADMINISTRATOR");
        ApiAccount other = AdminApi.account();
        assertThat(problem(as(other.token()).get(path), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).get("/api/v1/accounts/no-such-site"), 404)).isEqualTo("not-found");
    }

    @Test
    void theWebSessionTimeOutIsTheAccountsAndChecksTheCookieInTheSameRead() {
        ApiAccount a = AdminApi.account();
        String cookie = RescueCalls.login(a.masterEmail(), a.masterPassword());
        as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("webSessionTimeoutMinutes", 1)).patch("/api/v1/accounts/" + a.siteKey())
                .then().statusCode(200);
        server.clock().advance(Duration.ofSeconds(61));
        assertThat(RescueCalls.get("transferSession.aspx", cookie, "session", 1, "node", a.onlineTechNodeId())
                .asString()).isEqualTo("NOTLOGGEDINASADMIN");
        Response statements = RescueCalls.get("transferSession.aspx", RescueCalls.login(a.masterEmail(),
                a.masterPassword()), "session", 999999999, "node", a.channelId(), "noderef", "CHANNEL");
        assertThat(statements.asString()).isEqualTo("ERROR");
        assertThat(statements.header("X-Sessiongate-Statements")).isEqualTo("3");
    }

}
