package io.sessiongate.server.admin;

import static io.sessiongate.server.testing.AdminApi.as;
import static io.sessiongate.server.testing.AdminApi.problem;
import static io.sessiongate.server.testing.AdminApi.raw;
import static io.sessiongate.server.testing.AdminApi.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.AdminApi.ApiAccount;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account's API tokens, and Idempotency-Key on a creating POST. */
class ApiTokensApiTest {

    private final TestServer server = TestServer.get();

    private static String tokens(ApiAccount a) {
        return "/api/v1/accounts/" + a.siteKey() + "/api-tokens";
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndRevokedAtOnce() {
        ApiAccount a = AdminApi.account();
        Response made = as(a.token()).contentType("application/json").body(Map.of("name", "reports"))
                .post(tokens(a));
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        String secret = made.jsonPath().getString("token");
        long id = made.jsonPath().getLong("id");
        assertThat(made.header("Location")).endsWith(tokens(a) + "/" + id);
        assertThat(made.jsonPath().getLong("userId")).isEqualTo(a.masterUserId());
        String listed = as(a.token()).get(tokens(a)).then().statusCode(200).extract().asString();
        assertThat(listed).contains("\"name\":\"reports\"").doesNotContain(secret).doesNotContain("sgk_");
        as(secret).get("/api/v1/accounts/" + a.siteKey()).then().statusCode(200);

        Response revoked = as(a.token()).delete(tokens(a) + "/" + id);
        assertThat(revoked.statusCode()).as(revoked.asString()).isEqualTo(200);
        assertThat(revoked.jsonPath().getString("revokedAt")).isNotNull();
        assertThat(problem(raw().header("Authorization", "Bearer " + secret).get("/api/v1/accounts/" + a.siteKey()),
                401)).isEqualTo("not-authenticated");
        // the Rescue services refuse it too, as a wrong secret
        assertThat(RescueCalls.get("transferSession.aspx", null, "session", 1, "node", a.onlineTechNodeId())
                .asString()).isEqualTo("NOTLOGGEDINASADMIN");
        assertThat(problem(as(a.token()).delete(tokens(a) + "/" + id), 404)).isEqualTo("not-found");
        assertThat(problem(as(a.token()).delete(tokens(a) + "/x1"), 404)).isEqualTo("not-found");
        ApiAccount other = AdminApi.account();
        assertThat(problem(as(other.token()).delete(tokens(a) + "/1"), 404)).isEqualTo("not-found");
        assertThat(AdminApi.eventActions(a.accountId(), "API_TOKEN")).containsExactly("CREATED", "CREATED", "REVOKED");
    }

    @Test
    void anExpiredTokenIsRefused() {
        ApiAccount a = AdminApi.account();
        Instant soon = server.clock().instant().plus(Duration.ofMinutes(5));
        String secret = as(a.token()).contentType("application/json")
                .body(Map.of("name", "short-lived", "expiresAt", soon.toString())).post(tokens(a))
                .then().statusCode(201).extract().path("token");
        as(secret).get(tokens(a)).then().statusCode(200);
        server.clock().advance(Duration.ofMinutes(6));
        assertThat(problem(raw().header("Authorization", "Bearer " + secret).get(tokens(a)), 401))
                .isEqualTo("not-authenticated");
        Response past = as(a.token()).contentType("application/json")
                .body(Map.of("name", "x", "expiresAt", "2001-01-01T00:00:00Z")).post(tokens(a));
        assertThat(problem(past, 422)).isEqualTo("validation-failed");
        assertThat(past.jsonPath().getList("errors.code")).containsExactly("IN_THE_PAST");
    }

    @Test
    void onlyWholeAccountCallersManageTokens() {
        ApiAccount a = AdminApi.account();
        String folderAdmin = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        Response r = withCookie(folderAdmin).get(tokens(a));
        assertThat(problem(r, 403)).isEqualTo("forbidden");
        assertThat(r.jsonPath().getString("code")).isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        String master = RescueCalls.login(a.masterEmail(), a.masterPassword());
        withCookie(master).contentType("application/json").body(Map.of("name", "from the page")).post(tokens(a))
                .then().statusCode(201);
        // a cookie without the login's CSRF token may not change anything
        Response forged = raw().header("Cookie", RescueCalls.COOKIE + "=" + master).contentType("application/json")
                .body(Map.of("name", "forged")).post(tokens(a));
        assertThat(problem(forged, 403)).isEqualTo("csrf-token-invalid");
        Response wrong = raw().header("Cookie", RescueCalls.COOKIE + "=" + master).header("X-CSRF-Token", "0".repeat(64))
                .contentType("application/json").body(Map.of("name", "forged")).post(tokens(a));
        assertThat(problem(wrong, 403)).isEqualTo("csrf-token-invalid");
        Response basic = raw().header("Cookie", RescueCalls.COOKIE + "=" + master).header("Authorization", "Basic eDp5")
                .contentType("application/json").body(Map.of("name", "forged")).post(tokens(a));
        assertThat(problem(basic, 403)).as("an Authorization that is no bearer leaves the cookie, and its token, in charge")
                .isEqualTo("csrf-token-invalid");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstReplyAndAnotherBodyWithItIsRefused() {
        ApiAccount a = AdminApi.account();
        String key = "key-" + System.nanoTime();
        Response first = as(a.token()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"once\"}").post(tokens(a));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Response again = as(a.token()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"once\"}").post(tokens(a));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(as(a.token()).get(tokens(a)).jsonPath().getList("items.name")).containsExactly("Initial token", "once");
        Response other = as(a.token()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"twice\"}").post(tokens(a));
        assertThat(problem(other, 422)).isEqualTo("idempotency-key-reused");
        // a refused request does not use its key up: the corrected retry is done
        String key2 = "key2-" + System.nanoTime();
        assertThat(problem(raw().header("Authorization", "Bearer " + a.token()).header("Idempotency-Key", key2)
                .contentType("application/json").body("{\"name\":\"" + "x".repeat(101) + "\"}").post(tokens(a)), 422))
                .isEqualTo("validation-failed");
        as(a.token()).header("Idempotency-Key", key2).contentType("application/json").body("{\"name\":\"fixed\"}")
                .post(tokens(a)).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(AdminApi.count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key IN (:k1, :k2)"
                + " AND completed_at IS NOT NULL", "k1", key, "k2", key2)).isEqualTo(2L);
        // kept 24 hours: the maintenance purge forgets it after
        server.clock().advance(Duration.ofHours(25));
        server.core().administration().idempotencyKeys().purge();
        assertThat(as(a.token()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"twice\"}").post(tokens(a)).statusCode()).isEqualTo(201);
    }
}
