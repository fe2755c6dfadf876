package io.sessiongate.server.admin;

import static io.sessiongate.server.testing.AdminApi.as;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account's web sessions: listed, read, and changed through Session.Update's service and rules. */
class WebSessionsApiTest {

    private final TestServer server = TestServer.get();

    private static String sessions(ApiAccount a) {
        return "/api/v1/accounts/" + a.siteKey() + "/web-sessions";
    }

    @Test
    void endingALoginHereIsWhatTheRescueApiSeesNext() {
        ApiAccount a = AdminApi.account();
        String folderAdmin = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        JsonPath listed = as(a.token()).queryParam("userId", a.folderAdminUserId()).get(sessions(a)).jsonPath();
        assertThat(listed.getList("items")).hasSize(1);
        long id = listed.getLong("items[0].id");
        assertThat(listed.getString("items[0].status")).isEqualTo("ACTIVE");
        assertThat(listed.getBoolean("items[0].wholeAccount")).isFalse();
        Response read = as(a.token()).get(sessions(a) + "/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"0\""); // a new login's first version

        Response ended = as(a.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("status", "ENDED", "ipAddress", "192.0.2.7")).patch(sessions(a) + "/" + id);
        assertThat(ended.statusCode()).as(ended.asString()).isEqualTo(200);
        assertThat(ended.jsonPath().getString("status")).isEqualTo("ENDED");
        assertThat(ended.jsonPath().getString("ipAddress")).isEqualTo("192.0.2.7");
        assertThat(RescueCalls.get("transferSession.aspx", folderAdmin, "session", 1, "node", a.onlineTechNodeId())
                .asString()).isEqualTo("NOTLOGGEDINASADMIN");
        assertThat(AdminApi.eventActions(a.accountId(), "WEB_SESSION")).endsWith("UPDATED");
        // Session.Update's rules: only an Active session changes
        Response again = as(a.token()).header("If-Match", ended.header("ETag")).contentType("application/json")
                .body(Map.of("status", "ACTIVE")).patch(sessions(a) + "/" + id);
        assertThat(problem(again, 422)).isEqualTo("validation-failed");
        assertThat(again.jsonPath().getList("errors.code")).containsExactly("SESSION_NOT_ACTIVE");
        assertThat(again.jsonPath().getList("errors.field")).containsExactly("id");
        assertThat(as(a.token()).queryParam("status", "ENDED").get(sessions(a)).jsonPath().getList("items.id", Long.class))
                .contains(id);
    }

    @Test
    void brokenRulesComeBackNamedAsThisApiNamesTheFieldsAndRefreshRederivesTheAccess() {
        ApiAccount a = AdminApi.account();
        RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        long id = as(a.token()).queryParam("userId", a.onlineTechUserId()).get(sessions(a)).jsonPath()
                .getLong("items[0].id");
        Response bad = raw().header("Authorization", "Bearer " + a.token()).header("If-Match", "*")
                .contentType("application/json").body(Map.of("status", "GONE", "ipAddress", "999.1.1.1"))
                .patch(sessions(a) + "/" + id);
        assertThat(problem(bad, 422)).isEqualTo("validation-failed");
        assertThat(bad.jsonPath().getList("errors.field")).containsExactly("status");
        Response ip = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("ipAddress", "999.1.1.1")).patch(sessions(a) + "/" + id);
        assertThat(ip.jsonPath().getList("errors.field")).containsExactly("ipAddress");
        assertThat(ip.jsonPath().getList("errors.code")).containsExactly("IP_ADDRESS_INVALID");
        String before = as(a.token()).get(sessions(a) + "/" + id).header("ETag");
        Response refreshed = as(a.token()).header("If-Match", before).contentType("application/json")
                .body(Map.of("refreshRolesAndFolderList", true)).patch(sessions(a) + "/" + id);
        assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
        assertThat(refreshed.jsonPath().getString("status")).isEqualTo("ACTIVE");
        assertThat(refreshed.header("ETag")).isNotEqualTo(before);
        assertThat(problem(as(a.token()).header("If-Match", before).contentType("application/json")
                .body(Map.of("status", "ENDED")).patch(sessions(a) + "/" + id), 412)).isEqualTo("precondition-failed");
        assertThat(problem(as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("status", "ENDED")).patch(sessions(a) + "/99999999"), 404)).isEqualTo("not-found");
        assertThat(problem(raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("status", "ENDED")).patch(sessions(a) + "/" + id), 428)).isEqualTo("precondition-required");
    }

    @Test
    void theListFiltersByStatusPagesAndShowsAnIdleLoginAsTimedOut() {
        ApiAccount a = AdminApi.account();
        for (int i = 0; i < 3; i++) {
            RescueCalls.login(a.masterEmail(), a.masterPassword());
        }
        JsonPath first = as(a.token()).queryParam("limit", 2).get(sessions(a)).jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        JsonPath second = as(a.token()).queryParam("limit", 2).queryParam("cursor", first.getString("next"))
                .get(sessions(a)).jsonPath();
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("next")).isNull();
        server.clock().advance(Duration.ofMinutes(21));
        assertThat(as(a.token()).queryParam("status", "TIMED_OUT").get(sessions(a)).jsonPath().getList("items"))
                .hasSize(3);
        assertThat(as(a.token()).queryParam("status", "ACTIVE").get(sessions(a)).jsonPath().getList("items")).isEmpty();
        assertThat(as(a.token()).get(sessions(a)).jsonPath().getList("items.status")).containsOnly("TIMED_OUT");
        Response bad = raw().header("Authorization", "Bearer " + a.token()).queryParam("status", "x")
                .queryParam("userId", "y").get(sessions(a));
        assertThat(bad.jsonPath().getList("errors.field")).containsExactlyInAnyOrder("status", "userId");
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(withCookie(tech).get(sessions(a)).jsonPath().getString("code")).isEqualTo("NOT_AN_ADMINISTRATOR");
        ApiAccount other = AdminApi.account();
        assertThat(problem(as(other.token()).get(sessions(a)), 404)).isEqualTo("not-found");
    }
}
