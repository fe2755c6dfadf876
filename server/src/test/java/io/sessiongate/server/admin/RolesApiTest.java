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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Roles and folder lists over /api/v1: the whole account's to administer, made (idempotently), listed, changed
 * under their ETag, deleted only when unused, a change reaching a live login at its next refresh; every request
 * and reply checked against the served OpenAPI document.
 */
class RolesApiTest {

    private static String at(ApiAccount a, String path) {
        return "/api/v1/accounts/" + a.siteKey() + path;
    }

    @Test
    void aRoleIsMadeListedChangedUnderItsETagAndDeletedOnlyOnceNobodyHoldsIt() {
        ApiAccount a = AdminApi.account();
        long whole = as(a.token()).get(at(a, "/folder-lists")).jsonPath()
                .getLong("items.find { it.name == 'Whole account' }.id");
        Response made = as(a.token()).header("Idempotency-Key", "lead-role").contentType("application/json")
                .body(Map.of("name", "Team lead", "kind", "ADMINISTRATOR", "priority", 25, "folderListId", whole))
                .post(at(a, "/roles"));
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        long lead = made.jsonPath().getLong("id");
        assertThat(made.header("Location")).endsWith(at(a, "/roles/" + lead));
        assertThat(made.jsonPath().getMap("")).isEqualTo(Map.of("id", (int) lead, "name", "Team lead", "kind",
                "ADMINISTRATOR", "priority", 25, "folderListId", (int) whole, "anonymous", false, "version", 0));
        Response replayed = as(a.token()).header("Idempotency-Key", "lead-role").contentType("application/json")
                .body(Map.of("name", "Team lead", "kind", "ADMINISTRATOR", "priority", 25, "folderListId", whole))
                .post(at(a, "/roles"));
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        JsonPath page = as(a.token()).queryParam("limit", 4).get(at(a, "/roles")).jsonPath();
        assertThat(page.getList("items.name")).containsExactly("Master Administrator", "Administrator", "Technician",
                "Anonymous");
        assertThat(as(a.token()).queryParam("cursor", page.getString("next")).get(at(a, "/roles")).jsonPath()
                .getList("items.name")).containsExactly("Team administrator", "Team lead");

        Response bad = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("name", "Team lead", "kind", "BOSS", "priority", 5000, "folderListId", 999_999_999L))
                .post(at(a, "/roles"));
        assertThat(problem(bad, 422)).isEqualTo("validation-failed");
        assertThat(bad.jsonPath().getList("errors.field")).containsExactly("name", "kind", "priority", "folderListId");
        assertThat(bad.jsonPath().getList("errors.code")).containsExactly("TAKEN", "UNKNOWN_VALUE", "OUT_OF_RANGE",
                "UNKNOWN_ID");

        String role = at(a, "/roles/" + lead);
        String etag = as(a.token()).get(role).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        Response changed = as(a.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("priority", 26, "name", "Lead")).patch(role);
        assertThat(changed.jsonPath().getInt("priority")).isEqualTo(26);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(problem(as(a.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("priority", 1)).patch(role), 412)).isEqualTo("precondition-failed");
        assertThat(problem(raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("priority", 1)).patch(role), 428)).isEqualTo("precondition-required");

        long tom = a.onlineTechUserId();
        as(a.token()).header("If-Match", "*").contentType("application/json").body(Map.of("roles", List.of(lead)))
                .patch(at(a, "/users/" + tom)).then().statusCode(200);
        Response inUse = as(a.token()).delete(role);
        assertThat(problem(inUse, 409)).isEqualTo("conflict");
        assertThat(inUse.jsonPath().getString("code")).isEqualTo("ROLE_IN_USE");
        as(a.token()).header("If-Match", "*").contentType("application/json").body(Map.of("roles", List.of()))
                .patch(at(a, "/users/" + tom)).then().statusCode(200);
        Response deleted = as(a.token()).delete(role);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.jsonPath().getString("name")).isEqualTo("Lead");
        assertThat(problem(as(a.token()).get(role), 404)).isEqualTo("not-found");
        assertThat(AdminApi.eventActions(a.accountId(), "ROLE")).containsExactly("CREATED", "CHANGED", "DELETED");
    }

    @Test
    void aFolderListNamesOnlyTheAccountsGroupsAndIsDeletedOnlyWhenNoRoleOrUserNamesIt() {
        ApiAccount a = AdminApi.account();
        ApiAccount other = AdminApi.account();
        Response bad = as(a.token()).contentType("application/json").body(Map.of("name", "Mixed", "groupIds",
                List.of(a.techGroupId(), a.channelId(), a.onlineTechNodeId(), other.techGroupId())))
                .post(at(a, "/folder-lists"));
        assertThat(problem(bad, 422)).isEqualTo("validation-failed");
        assertThat(bad.jsonPath().getList("errors.code")).containsExactly("UNKNOWN_ID");
        assertThat(bad.jsonPath().getString("errors[0].message")).contains(String.valueOf(a.channelId()),
                String.valueOf(a.onlineTechNodeId()), String.valueOf(other.techGroupId()))
                .doesNotContain(String.valueOf(a.techGroupId()));
        Response made = as(a.token()).contentType("application/json").body(Map.of("name", "Both teams",
                "groupIds", List.of(a.techGroupId()))).post(at(a, "/folder-lists"));
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        long list = made.jsonPath().getLong("id");
        String path = at(a, "/folder-lists/" + list);
        Response changed = as(a.token()).header("If-Match", as(a.token()).get(path).header("ETag"))
                .contentType("application/json").body(Map.of("groupIds", List.of(a.techGroupId(), a.otherGroupId())))
                .patch(path);
        assertThat(changed.jsonPath().getList("groupIds", Long.class)).containsExactlyInAnyOrder(a.techGroupId(),
                a.otherGroupId());
        long role = as(a.token()).contentType("application/json").body(Map.of("name", "Both teams admin", "kind",
                "ADMINISTRATOR", "priority", 24, "folderListId", list)).post(at(a, "/roles")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Response inUse = as(a.token()).delete(path);
        assertThat(problem(inUse, 409)).isEqualTo("conflict");
        assertThat(inUse.jsonPath().getString("code")).isEqualTo("FOLDER_LIST_IN_USE");
        as(a.token()).delete(at(a, "/roles/" + role)).then().statusCode(200);
        assertThat(as(a.token()).delete(path).jsonPath().getString("name")).isEqualTo("Both teams");
        assertThat(problem(as(a.token()).delete(path), 404)).isEqualTo("not-found");
        assertThat(AdminApi.eventActions(a.accountId(), "FOLDER_LIST")).containsExactly("CREATED", "CHANGED",
                "DELETED");
    }

    @Test
    void rolesAndFolderListsAreTheWholeAccountsToAdministerAndAnotherAccountFindsNoneOfThem() {
        ApiAccount a = AdminApi.account();
        ApiAccount other = AdminApi.account();
        long role = as(a.token()).get(at(a, "/roles")).jsonPath().getLong("items[0].id");
        long list = as(a.token()).get(at(a, "/folder-lists")).jsonPath().getLong("items[0].id");
        String ada = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        for (Response r : List.of(withCookie(ada).get(at(a, "/roles")), withCookie(ada).get(at(a, "/folder-lists/"
                + list)), withCookie(ada).contentType("application/json").body(Map.of("name", "Mine", "groupIds",
                List.of())).post(at(a, "/folder-lists")), withCookie(ada).delete(at(a, "/roles/" + role)))) {
            assertThat(problem(r, 403)).isEqualTo("forbidden");
            assertThat(r.jsonPath().getString("code")).isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        }
        assertThat(withCookie(tech).get(at(a, "/roles")).jsonPath().getString("code"))
                .isEqualTo("NOT_AN_ADMINISTRATOR");
        assertThat(problem(as(other.token()).get(at(other, "/roles/" + role)), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).delete(at(other, "/folder-lists/" + list)), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("priority", 1)).patch(at(other, "/roles/" + role)), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).get(at(a, "/folder-lists")), 404)).isEqualTo("not-found");
        assertThat(problem(as(a.token()).get(at(a, "/roles/x")), 404)).isEqualTo("not-found");
    }

    @Test
    void aChangedFolderListReachesALiveLoginAtItsNextRefresh() {
        ApiAccount a = AdminApi.account();
        long teamOnly = as(a.token()).get(at(a, "/folder-lists")).jsonPath()
                .getLong("items.find { it.name == 'Team only' }.id");
        String ada = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(hierarchy(ada, a)).contains(a.techGroupId()).doesNotContain(a.otherGroupId());
        as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("groupIds", List.of(a.otherGroupId()))).patch(at(a, "/folder-lists/" + teamOnly))
                .then().statusCode(200);
        assertThat(hierarchy(ada, a)).as("the login keeps the snapshot it took").contains(a.techGroupId())
                .doesNotContain(a.otherGroupId());
        long session = as(a.token()).queryParam("userId", a.folderAdminUserId()).get(at(a, "/web-sessions"))
                .jsonPath().getLong("items[0].id");
        as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("refreshRolesAndFolderList", true)).patch(at(a, "/web-sessions/" + session))
                .then().statusCode(200);
        assertThat(hierarchy(ada, a)).as("refreshed").contains(a.otherGroupId()).doesNotContain(a.techGroupId());
    }

    private static List<Long> hierarchy(String cookie, ApiAccount a) {
        return AdminApi.cookie(cookie).get(at(a, "/hierarchy")).then().statusCode(200).extract().jsonPath()
                .getList("nodes.id", Long.class);
    }
}
