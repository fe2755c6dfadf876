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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hierarchy over /api/v1: read as the caller reaches it, groups and channels made, nodes changed under their
 * ETag and deleted, channels assigned; an administrator inside their folder list only; every request and reply
 * checked against the served OpenAPI document.
 */
class DirectoryApiTest {

    private final TestServer server = TestServer.get();

    private static String at(ApiAccount a, String path) {
        return "/api/v1/accounts/" + a.siteKey() + path;
    }

    private static long nodeOfKind(ApiAccount a, String kind) {
        return as(a.token()).get(at(a, "/hierarchy")).jsonPath()
                .getLong("nodes.find { it.kind == '" + kind + "' }.id");
    }

    @Test
    void anAccountMadeThroughTheApiRunsTheRescueApiOnAGroupAChannelAndATechnicianItMade() {
        ApiAccount a = AdminApi.account();
        Response group = as(a.token()).contentType("application/json")
                .body(Map.of("kind", "TECHNICIAN_GROUP", "name", "First line")).post(at(a, "/groups"));
        assertThat(group.statusCode()).as(group.asString()).isEqualTo(201);
        long groupId = group.jsonPath().getLong("id");
        assertThat(group.header("Location")).endsWith(at(a, "/nodes/" + groupId));
        assertThat(group.jsonPath().getLong("parentId")).isEqualTo(nodeOfKind(a, "TECHNICIANS"));
        long channel = as(a.token()).contentType("application/json").body(Map.of("name", "Support"))
                .post(at(a, "/channels")).then().statusCode(201).extract().jsonPath().getLong("id");
        String email = "tess@" + a.siteKey() + ".example";
        JsonPath tess = as(a.token()).contentType("application/json").body(Map.of("email", email, "name", "Tess",
                "password", "tess-password-1", "technicianGroupId", groupId)).post(at(a, "/users"))
                .then().statusCode(201).extract().jsonPath();
        long tech = tess.getLong("technicianNodeId");
        assertThat(tess.getString("administratorNodeId")).isNull();
        JsonPath assigned = as(a.token()).put(at(a, "/channels/" + channel + "/groups/" + groupId)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(assigned.getList("groupIds", Long.class)).containsExactly(groupId);

        String techLogin = RescueCalls.login(email, "tess-password-1");
        withCookie(techLogin).contentType("application/json").body(Map.of("status", "Online"))
                .post("/api/v1/console/heartbeat").then().statusCode(200);
        assertThat(as(a.token()).get(at(a, "/nodes/" + tech)).jsonPath().getString("presence")).isEqualTo("ONLINE");
        long session = as(a.token()).contentType("application/json").body(Map.of("channelId", channel,
                "customerName", "Ann")).post(at(a, "/support-sessions")).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String master = RescueCalls.login(a.masterEmail(), a.masterPassword());
        assertThat(RescueCalls.get("transferSession.aspx", master, "session", session, "node", tech, "comment",
                "yours").asString()).isEqualTo("OK");
        assertThat(AdminApi.eventActions(a.accountId(), "NODE")).containsSubsequence("CREATED", "CREATED", "ASSIGNED");
    }

    @Test
    void theHierarchyShowsKindsStatusesPresenceAndChannelGroupsAsTheCallerReachesIt() {
        ApiAccount a = AdminApi.account();
        JsonPath whole = as(a.token()).get(at(a, "/hierarchy")).then().statusCode(200).extract().jsonPath();
        assertThat(whole.getString("nodes[0].kind")).isEqualTo("ROOT");
        assertThat(whole.getString("nodes[0].parentId")).isNull();
        assertThat(whole.getList("nodes.kind")).contains("MASTER_ADMINISTRATORS", "ADMINISTRATORS", "TECHNICIANS",
                "TECHNICIAN_GROUP", "TECHNICIAN", "ADMINISTRATOR", "MASTER_ADMINISTRATOR", "CHANNEL");
        String tom = "nodes.find { it.id == " + a.onlineTechNodeId() + " }";
        assertThat(whole.getString(tom + ".presence")).isEqualTo("ONLINE");
        assertThat(whole.getLong(tom + ".userId")).isEqualTo(a.onlineTechUserId());
        assertThat(whole.getString(tom + ".email")).isEqualTo(a.onlineTechEmail());
        assertThat(whole.getString("nodes.find { it.id == " + a.offlineTechNodeId() + " }.presence"))
                .isEqualTo("OFFLINE");
        assertThat(whole.getList("nodes.find { it.id == " + a.channelId() + " }.groupIds", Long.class))
                .containsExactly(a.techGroupId());
        assertThat(whole.getString("nodes.find { it.kind == 'TECHNICIAN_GROUP' }.presence")).isNull();

        String ada = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        JsonPath mine = AdminApi.cookie(ada).get(at(a, "/hierarchy")).then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("nodes.id", Long.class)).containsExactlyInAnyOrder(a.techGroupId(),
                a.onlineTechNodeId(), a.offlineTechNodeId(), a.channelId());
        JsonPath beneath = as(a.token()).queryParam("beneath", a.techGroupId()).get(at(a, "/hierarchy")).jsonPath();
        assertThat(beneath.getList("nodes.id", Long.class)).containsExactly(a.techGroupId(), a.onlineTechNodeId(),
                a.offlineTechNodeId());
        Response outside = AdminApi.cookie(ada).queryParam("beneath", a.otherGroupId()).get(at(a, "/hierarchy"));
        assertThat(problem(outside, 403)).isEqualTo("forbidden");
        assertThat(outside.jsonPath().getString("code")).isEqualTo("OUTSIDE_FOLDER_LIST");
        ApiAccount other = AdminApi.account();
        Response theirs = as(a.token()).queryParam("beneath", other.techGroupId()).get(at(a, "/hierarchy"));
        assertThat(problem(theirs, 422)).isEqualTo("validation-failed");
        assertThat(theirs.jsonPath().getList("errors.code")).containsExactly("NOT_FOUND");
        Response bad = raw().header("Authorization", "Bearer " + a.token()).queryParam("beneath", "x")
                .get(at(a, "/hierarchy"));
        assertThat(bad.jsonPath().getList("errors.field")).containsExactly("beneath");
        assertThat(problem(as(other.token()).get(at(a, "/hierarchy")), 404)).isEqualTo("not-found");
    }

    @Test
    void aGroupIsMadeUnderAParentOrAtTheTopOfItsKindEveryBrokenRuleReportedAndAReplayMakesNoSecond() {
        ApiAccount a = AdminApi.account();
        Response sub = as(a.token()).contentType("application/json")
                .body(Map.of("parentId", a.techGroupId(), "name", "Printers", "description", "and scanners"))
                .post(at(a, "/groups"));
        assertThat(sub.statusCode()).as(sub.asString()).isEqualTo(201);
        assertThat(sub.jsonPath().getString("kind")).isEqualTo("TECHNICIAN_GROUP");
        assertThat(sub.jsonPath().getString("status")).isEqualTo("ENABLED");
        assertThat(sub.jsonPath().getInt("version")).isZero();
        long admins = as(a.token()).contentType("application/json").body(Map.of("kind", "ADMINISTRATOR_GROUP",
                "name", "Admins")).post(at(a, "/groups")).then().statusCode(201).extract().jsonPath().getLong("parentId");
        assertThat(admins).isEqualTo(nodeOfKind(a, "ADMINISTRATORS"));

        Response bad = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("parentId", a.techGroupId(), "kind", "ADMINISTRATOR_GROUP", "name", "x".repeat(201),
                        "status", "sleeping", "description", "bell\u0007")).post(at(a, "/groups"));
        assertThat(problem(bad, 422)).isEqualTo("validation-failed");
        assertThat(bad.jsonPath().getList("errors.field")).containsExactly("parentId", "name", "status", "description");
        assertThat(bad.jsonPath().getList("errors.code")).containsExactly("CANNOT_HOLD", "TOO_LONG", "UNKNOWN_VALUE",
                "CONTROL_CHARACTER");
        Response noParent = as(a.token()).contentType("application/json").body(Map.of("name", "Nowhere"))
                .post(at(a, "/groups"));
        assertThat(noParent.jsonPath().getList("errors.code")).containsExactly("REQUIRED");
        Response missing = as(a.token()).contentType("application/json").body(Map.of("parentId", 999_999_999L,
                "name", "Nowhere")).post(at(a, "/groups"));
        assertThat(missing.jsonPath().getList("errors.field")).containsExactly("parentId");
        assertThat(missing.jsonPath().getList("errors.code")).containsExactly("NOT_FOUND");

        String key = "group-" + a.siteKey();
        Map<String, Object> body = Map.of("kind", "TECHNICIAN_GROUP", "name", "Second line");
        Response first = as(a.token()).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post(at(a, "/groups"));
        Response again = as(a.token()).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post(at(a, "/groups"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(AdminApi.count("SELECT COUNT(*) FROM node WHERE account_id = :a AND name = 'Second line'",
                "a", a.accountId())).isEqualTo(1);
        Response reused = as(a.token()).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("kind", "TECHNICIAN_GROUP", "name", "Third line")).post(at(a, "/groups"));
        assertThat(problem(reused, 422)).isEqualTo("idempotency-key-reused");
    }

    @Test
    void aNodeIsRenamedDisabledAndMovedUnderItsETagInOneEvent() {
        ApiAccount a = AdminApi.account();
        String node = at(a, "/nodes/" + a.otherGroupId());
        Response read = as(a.token()).get(node);
        assertThat(read.header("ETag")).isEqualTo("\"" + read.jsonPath().getLong("version") + "\"");
        Response changed = as(a.token()).header("If-Match", read.header("ETag")).contentType("application/json")
                .body(Map.of("name", "Other team (EU)", "status", "DISABLED", "parentId", a.techGroupId()))
                .patch(node);
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        assertThat(changed.jsonPath().getString("name")).isEqualTo("Other team (EU)");
        assertThat(changed.jsonPath().getString("status")).isEqualTo("DISABLED");
        assertThat(changed.jsonPath().getLong("parentId")).isEqualTo(a.techGroupId());
        assertThat(changed.header("ETag")).isNotEqualTo(read.header("ETag"))
                .isEqualTo("\"" + changed.jsonPath().getLong("version") + "\"");
        assertThat(AdminApi.count("SELECT COUNT(*) FROM event WHERE object_type = 'NODE' AND object_id = :n"
                + " AND action = 'CHANGED'", "n", a.otherGroupId())).isEqualTo(1);

        Response stale = as(a.token()).header("If-Match", read.header("ETag")).contentType("application/json")
                .body(Map.of("name", "Lost update")).patch(node);
        assertThat(problem(stale, 412)).isEqualTo("precondition-failed");
        Response without = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("name", "Blind")).patch(node);
        assertThat(problem(without, 428)).isEqualTo("precondition-required");
        assertThat(as(a.token()).get(node).jsonPath().getString("name")).isEqualTo("Other team (EU)");
        assertThat(as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("status", "ENABLED")).patch(node).jsonPath().getString("status")).isEqualTo("ENABLED");

        String tom = at(a, "/nodes/" + a.onlineTechNodeId());
        Response person = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("name", "Thomas", "status", "DISABLED")).patch(tom);
        assertThat(problem(person, 422)).isEqualTo("validation-failed");
        assertThat(person.jsonPath().getList("errors.code")).containsExactly("NOT_ALLOWED", "NOT_ALLOWED");
        Response wrongPlace = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("parentId", nodeOfKind(a, "ADMINISTRATORS"))).patch(tom);
        assertThat(problem(wrongPlace, 409)).isEqualTo("conflict");
        assertThat(wrongPlace.jsonPath().getString("code")).isEqualTo("MOVE_WRONG_KIND");
        Response moved = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("parentId", a.otherGroupId(), "description", "on loan")).patch(tom);
        assertThat(moved.jsonPath().getLong("parentId")).isEqualTo(a.otherGroupId());
        assertThat(moved.jsonPath().getString("description")).isEqualTo("on loan");
        assertThat(AdminApi.eventActions(a.accountId(), "USER")).endsWith("CHANGED");
        Response root = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("name", "Renamed")).patch(at(a, "/nodes/" + nodeOfKind(a, "TECHNICIANS")));
        assertThat(root.jsonPath().getString("code")).isEqualTo("CHANGE_ORGANISATION_NODE");
    }

    @Test
    void aNodeHoldingPeopleGroupsOrLiveSessionsIsNotDeletedAndAnEmptyOneIs() {
        ApiAccount a = AdminApi.account();
        Response full = as(a.token()).delete(at(a, "/nodes/" + a.techGroupId()));
        assertThat(problem(full, 409)).isEqualTo("conflict");
        assertThat(full.jsonPath().getString("code")).isEqualTo("DELETE_NOT_EMPTY");
        server.accounts().createWaitingSession(a.accountId(), a.channelId());
        Response busy = as(a.token()).delete(at(a, "/nodes/" + a.channelId()));
        assertThat(busy.jsonPath().getString("code")).isEqualTo("DELETE_LIVE_SESSIONS");
        Response self = as(a.token()).delete(at(a, "/nodes/" + a.masterNodeId()));
        assertThat(self.jsonPath().getString("code")).as("the token acts as the master administrator")
                .isEqualTo("DELETE_SELF");
        long empty = as(a.token()).contentType("application/json").body(Map.of("kind", "TECHNICIAN_GROUP", "name",
                "Short-lived")).post(at(a, "/groups")).then().statusCode(201).extract().jsonPath().getLong("id");
        Response gone = as(a.token()).delete(at(a, "/nodes/" + empty));
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.jsonPath().getString("name")).isEqualTo("Short-lived");
        assertThat(problem(as(a.token()).get(at(a, "/nodes/" + empty)), 404)).isEqualTo("not-found");
        assertThat(problem(as(a.token()).delete(at(a, "/nodes/" + empty)), 404)).isEqualTo("not-found");
        assertThat(AdminApi.eventActions(a.accountId(), "NODE")).endsWith("DELETED");
        Response offlineTech = as(a.token()).delete(at(a, "/nodes/" + a.offlineTechNodeId()));
        assertThat(offlineTech.statusCode()).isEqualTo(200);
        assertThat(AdminApi.count("SELECT COUNT(*) FROM app_user WHERE account_id = :a AND status = 'DELETED'",
                "a", a.accountId())).as("her only node: the user is deleted").isEqualTo(1);
    }

    @Test
    void aChannelIsAssignedToTechnicianGroupsOnlyAndUnassignedOnce() {
        ApiAccount a = AdminApi.account();
        String assignment = at(a, "/channels/" + a.channelId() + "/groups/" + a.otherGroupId());
        JsonPath both = as(a.token()).put(assignment).then().statusCode(200).extract().jsonPath();
        assertThat(both.getList("groupIds", Long.class)).containsExactlyInAnyOrder(a.techGroupId(), a.otherGroupId());
        assertThat(as(a.token()).put(assignment).jsonPath().getList("groupIds", Long.class)).as("again: unchanged")
                .hasSize(2);
        long admins = as(a.token()).contentType("application/json").body(Map.of("kind", "ADMINISTRATOR_GROUP",
                "name", "Admins")).post(at(a, "/groups")).then().statusCode(201).extract().jsonPath().getLong("id");
        Response toAdmins = as(a.token()).put(at(a, "/channels/" + a.channelId() + "/groups/" + admins));
        assertThat(toAdmins.jsonPath().getString("code")).isEqualTo("ASSIGN_NOT_A_TECHNICIAN_GROUP");
        assertThat(problem(as(a.token()).put(at(a, "/channels/" + a.techGroupId() + "/groups/" + a.otherGroupId())),
                404)).as("a group is no channel").isEqualTo("not-found");
        JsonPath one = as(a.token()).delete(assignment).then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("groupIds", Long.class)).containsExactly(a.techGroupId());
        Response twice = as(a.token()).delete(assignment);
        assertThat(problem(twice, 409)).isEqualTo("conflict");
        assertThat(twice.jsonPath().getString("code")).isEqualTo("UNASSIGN_NOT_ASSIGNED");
        assertThat(AdminApi.eventActions(a.accountId(), "NODE")).containsSubsequence("ASSIGNED", "UNASSIGNED");
    }

    @Test
    void anAdministratorActsOnlyInsideTheirFolderListATechnicianNotAtAllAndAnotherAccountFindsNothing() {
        ApiAccount a = AdminApi.account();
        String ada = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        Response sub = withCookie(ada).contentType("application/json").body(Map.of("parentId", a.techGroupId(),
                "name", "Ada's")).post(at(a, "/groups"));
        assertThat(sub.statusCode()).as(sub.asString()).isEqualTo(201);
        Map<String, Object> elsewhere = new HashMap<>();
        elsewhere.put("parentId", a.otherGroupId());
        elsewhere.put("name", "Not hers");
        for (Response r : List.of(withCookie(ada).contentType("application/json").body(elsewhere).post(at(a, "/groups")),
                withCookie(ada).contentType("application/json").body(Map.of("name", "Hers")).post(at(a, "/channels")),
                withCookie(ada).header("If-Match", "*").contentType("application/json")
                        .body(Map.of("name", "Renamed")).patch(at(a, "/nodes/" + a.otherGroupId())),
                withCookie(ada).header("If-Match", "*").contentType("application/json")
                        .body(Map.of("parentId", a.otherGroupId())).patch(at(a, "/nodes/" + a.onlineTechNodeId())),
                withCookie(ada).delete(at(a, "/nodes/" + a.otherTechNodeId())),
                withCookie(ada).put(at(a, "/channels/" + a.otherChannelId() + "/groups/" + a.techGroupId())),
                withCookie(ada).get(at(a, "/nodes/" + a.masterNodeId())))) {
            assertThat(problem(r, 403)).isEqualTo("forbidden");
            assertThat(r.jsonPath().getString("code")).isEqualTo("OUTSIDE_FOLDER_LIST");
        }
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        Response techCall = withCookie(tech).contentType("application/json").body(Map.of("parentId", a.techGroupId(),
                "name", "Tech's")).post(at(a, "/groups"));
        assertThat(problem(techCall, 403)).isEqualTo("forbidden");
        assertThat(techCall.jsonPath().getString("code")).isEqualTo("NOT_AN_ADMINISTRATOR");
        ApiAccount other = AdminApi.account();
        assertThat(problem(as(other.token()).get(at(other, "/nodes/" + a.techGroupId())), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("name", "Theirs")).patch(at(other, "/nodes/" + a.techGroupId())), 404))
                .isEqualTo("not-found");
        assertThat(problem(as(other.token()).delete(at(other, "/nodes/" + a.offlineTechNodeId())), 404))
                .isEqualTo("not-found");
        assertThat(problem(as(other.token()).put(at(other, "/channels/" + a.channelId() + "/groups/"
                + other.techGroupId())), 404)).isEqualTo("not-found");
        assertThat(problem(as(a.token()).get(at(other, "/hierarchy")), 404)).as("another site key")
                .isEqualTo("not-found");
        assertThat(problem(raw().get(at(a, "/nodes/x")), 401)).isEqualTo("not-authenticated");
        assertThat(problem(as(a.token()).get(at(a, "/nodes/x")), 404)).isEqualTo("not-found");
        assertThat(AdminApi.count("SELECT COUNT(*) FROM node WHERE account_id = :a AND name IN ('Not hers',"
                + " 'Hers', 'Renamed', 'Theirs', 'Tech''s')", "a", a.accountId())).isZero();
    }
}
