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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Support sessions over /api/v1, through the Rescue methods' own services and rules. */
class SupportSessionsApiTest {

    private final TestServer server = TestServer.get();

    private static String sessions(ApiAccount a) {
        return "/api/v1/accounts/" + a.siteKey() + "/support-sessions";
    }

    private Response create(ApiAccount a, Map<String, Object> body) {
        server.clock().advance(Duration.ofSeconds(2)); // past the poll rate of one PIN per second per user
        return as(a.token()).contentType("application/json").body(body).post(sessions(a));
    }

    private Response act(ApiAccount a, long id, String action, Map<String, Object> body) {
        var spec = as(a.token());
        if (body != null) {
            spec.contentType("application/json").body(body);
        }
        return spec.post(sessions(a) + "/" + id + "/" + action);
    }

    @Test
    void aPinSessionForATechnicianUsesRequestPinCodesRules() {
        ApiAccount a = AdminApi.account();
        Response made = create(a, Map.of("technicianId", a.onlineTechNodeId(), "customerName", "Ann",
                "tracking", "T-1", "language", "de"));
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        assertThat(made.jsonPath().getString("status")).isEqualTo("PIN_ISSUED");
        assertThat(made.jsonPath().getString("pinCode")).matches("[0-9]{6}");
        long id = made.jsonPath().getLong("id");
        assertThat(made.header("Location")).endsWith(sessions(a) + "/" + id);
        JsonPath read = as(a.token()).get(sessions(a) + "/" + id).jsonPath();
        assertThat(read.getString("status")).isEqualTo("PIN_ISSUED");
        assertThat(read.getList("customFields")).containsExactly("Ann", null, null, null, null, null);
        assertThat(read.getString("tracking")).isEqualTo("T-1");
        assertThat(read.getString("language")).isEqualTo("de");
        assertThat(read.getLong("technicianId")).isEqualTo(a.onlineTechNodeId());
        assertThat(read.getList("transfers")).isEmpty();
        assertThat(AdminApi.eventActions(a.accountId(), "SUPPORT_SESSION")).containsExactly("PIN_ISSUED");

        Response offline = create(a, Map.of("technicianId", a.offlineTechNodeId()));
        assertThat(problem(offline, 409)).isEqualTo("conflict");
        assertThat(offline.jsonPath().getString("code")).isEqualTo("NOTECHCONSOLERUNNING");
        assertThat(create(a, Map.of("technicianId", a.offlineTechNodeId(), "noTechConsole", true)).statusCode())
                .isEqualTo(201);
        Response twice = as(a.token()).contentType("application/json")
                .body(Map.of("technicianId", a.onlineTechNodeId())).post(sessions(a));
        assertThat(twice.jsonPath().getString("code")).isEqualTo("POLLRATEEXCEEDED");
        Response notATech = create(a, Map.of("technicianId", a.channelId()));
        assertThat(problem(notATech, 422)).isEqualTo("validation-failed");
        assertThat(notATech.jsonPath().getString("errors[0].code")).isEqualTo("NOTTECHNICIAN");
    }

    @Test
    void everyBrokenRuleOfANewSessionIsReportedAtOnce() {
        ApiAccount a = AdminApi.account();
        Map<String, Object> body = new HashMap<>();
        body.put("technicianId", a.onlineTechNodeId());
        body.put("channelId", a.channelId());
        body.put("customerName", "x".repeat(65));
        body.put("customFields", Arrays.asList("Ann", null, null, "y".repeat(257)));
        body.put("tracking", "t".repeat(65));
        body.put("language", "not a language");
        Response r = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json").body(body)
                .post(sessions(a));
        assertThat(problem(r, 422)).isEqualTo("validation-failed");
        assertThat(r.jsonPath().getList("errors.field")).containsExactly("technicianId", "customerName",
                "customerName", "customFields[3]", "tracking", "language");
        assertThat(r.jsonPath().getList("errors.code")).containsExactly("ONE_OF_TECHNICIAN_OR_CHANNEL", "TWICE",
                "TOO_LONG", "TOO_LONG", "TOO_LONG", "INVALID_LANGUAGE");
        assertThat(AdminApi.eventActions(a.accountId(), "SUPPORT_SESSION")).isEmpty();
        Response longTag = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("channelId", a.channelId(), "language", "abc-defghijk-lmnopqrs")).post(sessions(a));
        assertThat(longTag.jsonPath().getList("errors.code")).containsExactly("TOO_LONG");
    }

    @Test
    void aChannelSessionLivesThroughTheLifecycleServicesWithTheirCodes() {
        ApiAccount a = AdminApi.account();
        Response made = create(a, Map.of("channelId", a.channelId(), "customFields", List.of("Bob", "printer")));
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        assertThat(made.jsonPath().getString("status")).isEqualTo("WAITING");
        assertThat(made.jsonPath().getString("pinCode")).isNull();
        long id = made.jsonPath().getLong("id");

        Response transferred = act(a, id, "transfer", Map.of("technicianId", a.onlineTechNodeId(), "comment", "yours"));
        assertThat(transferred.statusCode()).as(transferred.asString()).isEqualTo(200);
        assertThat(transferred.jsonPath().getString("status")).isEqualTo("TRANSFERRING");
        assertThat(transferred.jsonPath().getString("transfers[0].comment")).isEqualTo("yours");
        assertThat(transferred.jsonPath().getLong("transfers[0].byUserId")).isEqualTo(a.masterUserId());
        assertThat(act(a, id, "cancel-action", null).jsonPath().getString("status")).isEqualTo("WAITING");
        Response nothingPending = act(a, id, "cancel-action", null);
        assertThat(problem(nothingPending, 409)).isEqualTo("conflict");
        assertThat(nothingPending.jsonPath().getString("code")).isEqualTo("ACTIONFAILED");
        Response toOffline = act(a, id, "transfer", Map.of("technicianId", a.offlineTechNodeId()));
        assertThat(toOffline.jsonPath().getString("code")).isEqualTo("ACTIONFAILED");
        Response toChannel = act(a, id, "transfer", Map.of("channelId", a.techGroupId()));
        assertThat(problem(toChannel, 422)).isEqualTo("validation-failed");
        assertThat(toChannel.jsonPath().getString("errors[0].field")).isEqualTo("channelId");
        assertThat(toChannel.jsonPath().getString("errors[0].code")).isEqualTo("INVALIDPARAM_NODE");

        assertThat(act(a, id, "start", Map.of("technicianId", a.onlineTechNodeId())).jsonPath().getString("status"))
                .isEqualTo("ACTIVE");
        assertThat(act(a, id, "hold", null).jsonPath().getString("status")).isEqualTo("ON_HOLD");
        assertThat(act(a, id, "hold", null).jsonPath().getString("code")).isEqualTo("ACTIONFAILED");
        assertThat(act(a, id, "close", null).jsonPath().getString("status")).isEqualTo("CLOSED_BY_TECHNICIAN");
        assertThat(act(a, id, "close", null).jsonPath().getString("code")).isEqualTo("ACTIONFAILED");
        assertThat(AdminApi.eventActions(a.accountId(), "SUPPORT_SESSION")).containsExactly("CREATED", "TRANSFERRED",
                "ACTION_CANCELLED", "STARTED", "HELD", "CLOSED");
        assertThat(problem(raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("channelId", a.channelId())).post(sessions(a) + "/" + id + "/start"), 422))
                .isEqualTo("validation-failed");
        assertThat(problem(act(a, 999999999L, "hold", null), 404)).isEqualTo("not-found");
    }

    @Test
    void anAdministratorOfSomeFoldersSeesAndActsOnTheirFoldersOnly() {
        ApiAccount a = AdminApi.account();
        long mine = create(a, Map.of("channelId", a.channelId())).jsonPath().getLong("id");
        long theirs = create(a, Map.of("channelId", a.otherChannelId())).jsonPath().getLong("id");
        String cookie = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(withCookie(cookie).get(sessions(a)).jsonPath().getList("items.id", Long.class))
                .containsExactly(mine);
        assertThat(as(a.token()).get(sessions(a)).jsonPath().getList("items.id", Long.class))
                .containsExactly(mine, theirs);
        assertThat(problem(withCookie(cookie).get(sessions(a) + "/" + theirs), 404)).isEqualTo("not-found");
        assertThat(problem(withCookie(cookie).post(sessions(a) + "/" + theirs + "/close"), 404)).isEqualTo("not-found");
        Response outOfReach = withCookie(cookie).contentType("application/json")
                .body(Map.of("technicianId", a.otherTechNodeId())).post(sessions(a));
        assertThat(outOfReach.jsonPath().getString("errors[0].code")).isEqualTo("NOTTECHNICIAN");
        assertThat(withCookie(cookie).contentType("application/json").body(Map.of("channelId", a.otherChannelId()))
                .post(sessions(a)).jsonPath().getString("errors[0].code")).isEqualTo("INVALIDPARAM_NODE");
        // filters, and pages that a cursor continues
        assertThat(as(a.token()).queryParam("channelId", a.otherChannelId()).get(sessions(a)).jsonPath()
                .getList("items.id", Long.class)).containsExactly(theirs);
        assertThat(as(a.token()).queryParam("status", "CLOSED_BY_TECHNICIAN").get(sessions(a)).jsonPath()
                .getList("items")).isEmpty();
        JsonPath first = as(a.token()).queryParam("limit", 1).get(sessions(a)).jsonPath();
        assertThat(first.getList("items.id", Long.class)).containsExactly(mine);
        assertThat(as(a.token()).queryParam("limit", 1).queryParam("cursor", first.getString("next")).get(sessions(a))
                .jsonPath().getList("items.id", Long.class)).containsExactly(theirs);
        ApiAccount other = AdminApi.account();
        assertThat(problem(as(other.token()).get(sessions(a) + "/" + mine), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).get(sessions(other) + "/" + mine), 404)).isEqualTo("not-found");
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(withCookie(tech).get(sessions(a)).jsonPath().getString("code")).isEqualTo("NOT_AN_ADMINISTRATOR");
    }
}
