package io.sessiongate.server.admin;

import static io.sessiongate.server.testing.AdminApi.as;
import static io.sessiongate.server.testing.AdminApi.problem;
import static io.sessiongate.server.testing.AdminApi.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.api.admin.AdminJson;
import io.sessiongate.api.admin.CreateAccount;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.AdminApi.ApiAccount;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The conventions every /api/v1 resource shares: strict bodies, problems for everything, who the caller is. */
class ConventionsApiTest {

    private Response post(ApiAccount a, String contentType, String body) {
        return raw().header("Authorization", "Bearer " + a.token()).contentType(contentType).body(body)
                .post("/api/v1/accounts/" + a.siteKey() + "/api-tokens");
    }

    @Test
    void aBodyIsReadStrictlyAndEveryFlawIsA400NamingTheField() {
        ApiAccount a = AdminApi.account();
        Response unknown = post(a, "application/json", "{\"name\":\"x\",\"colour\":\"red\"}");
        assertThat(problem(unknown, 400)).isEqualTo("malformed-request");
        assertThat(unknown.jsonPath().getString("code")).isEqualTo("UNKNOWN_FIELD");
        assertThat(unknown.jsonPath().getString("errors[0].field")).isEqualTo("colour");
        Response duplicate = post(a, "application/json", "{\"name\":\"x\",\"name\":\"y\"}");
        assertThat(duplicate.jsonPath().getString("code")).isEqualTo("DUPLICATE_FIELD");
        assertThat(duplicate.jsonPath().getString("errors[0].field")).isEqualTo("name");
        assertThat(post(a, "application/json", "{\"name\":\"x\"} {\"name\":\"y\"}").jsonPath().getString("code"))
                .isEqualTo("TRAILING_CONTENT");
        Response wrongType = post(a, "application/json", "{\"name\":5}");
        assertThat(problem(wrongType, 400)).isEqualTo("malformed-request");
        assertThat(wrongType.jsonPath().getString("code")).isEqualTo("WRONG_TYPE");
        assertThat(wrongType.jsonPath().getString("errors[0].field")).isEqualTo("name");
        assertThat(post(a, "application/json", "{\"name\":\"x\",\"expiresAt\":true}").jsonPath()
                .getString("errors[0].field")).isEqualTo("expiresAt");
        assertThat(post(a, "application/json", "[\"name\"]").jsonPath().getString("code")).isEqualTo("WRONG_TYPE");
        assertThat(post(a, "application/json", "{\"name\":").jsonPath().getString("code")).isEqualTo("NOT_JSON");
        Response nested = raw().header("Authorization", "Bearer " + TestServer.OPERATOR_TOKEN)
                .contentType("application/json").body("{\"siteKey\":\"s\",\"name\":\"n\",\"masterAdministrator\":"
                        + "{\"email\":\"a@b.c\",\"name\":\"n\",\"password\":12345678}}").post("/api/v1/accounts");
        assertThat(nested.jsonPath().getString("errors[0].field")).isEqualTo("masterAdministrator.password");
        assertThat(problem(post(a, "text/plain", "name=x"), 415)).isEqualTo("unsupported-media-type");
        assertThat(problem(post(a, "application/json", "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}"), 413))
                .isEqualTo("payload-too-large");
        assertThat(AdminApi.count("SELECT COUNT(*) FROM api_token WHERE account_id = :a", "a", a.accountId()))
                .isEqualTo(1L);
        // the client's mapper is as strict as the server's
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdminJson.mapper().readValue(
                "{\"siteKey\":\"s\",\"extra\":1}", CreateAccount.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class);
    }

    @Test
    void jerseysOwnRefusalsAreProblemsToo() {
        ApiAccount a = AdminApi.account();
        assertThat(problem(raw().get("/api/v1/no-such-thing"), 404)).isEqualTo("not-found");
        Response notAllowed = raw().header("Authorization", "Bearer " + a.token()).put("/api/v1/accounts/" + a.siteKey());
        assertThat(problem(notAllowed, 405)).isEqualTo("method-not-allowed");
        assertThat(notAllowed.header("Allow")).contains("GET", "PATCH");
        assertThat(problem(raw().header("Authorization", "Bearer " + a.token()).accept("text/html")
                .get("/api/v1/accounts/" + a.siteKey()), 406)).isEqualTo("not-acceptable");
        assertThat(problem(raw().header("Authorization", "Bearer " + a.token())
                .get("/api/v1/accounts/" + a.siteKey() + "/support-sessions/12x"), 404)).isEqualTo("not-found");
    }

    @Test
    void theSessionSaysWhoCallsAndGivesALoginItsCsrfToken() {
        ApiAccount a = AdminApi.account();
        var operator = AdminApi.operator().get("/api/v1/session").jsonPath();
        assertThat(operator.getString("kind")).isEqualTo("OPERATOR");
        var token = as(a.token()).get("/api/v1/session").jsonPath();
        assertThat(token.getString("kind")).isEqualTo("ADMINISTRATOR");
        assertThat(token.getString("siteKey")).isEqualTo(a.siteKey());
        assertThat(token.getLong("userId")).isEqualTo(a.masterUserId());
        assertThat(token.getBoolean("wholeAccount")).isTrue();
        assertThat(token.getString("csrfToken")).isNull();
        String cookie = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        Response byCookie = AdminApi.cookie(cookie).get("/api/v1/session");
        assertThat(byCookie.header("Cache-Control")).contains("no-store");
        assertThat(byCookie.jsonPath().getBoolean("wholeAccount")).isFalse();
        assertThat(byCookie.jsonPath().getString("csrfToken")).matches("[0-9a-f]{64}");
        String again = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(AdminApi.cookie(again).get("/api/v1/session").jsonPath().getString("csrfToken"))
                .as("a new login, a new token").isNotEqualTo(byCookie.jsonPath().getString("csrfToken"));
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(AdminApi.cookie(tech).get("/api/v1/session").jsonPath().getString("kind")).isEqualTo("TECHNICIAN");
        assertThat(problem(raw().get("/api/v1/session"), 401)).isEqualTo("not-authenticated");
        assertThat(problem(raw().header("Authorization", "Bearer sgk_" + "0".repeat(48)).get("/api/v1/session"), 401))
                .isEqualTo("not-authenticated");
    }
}
