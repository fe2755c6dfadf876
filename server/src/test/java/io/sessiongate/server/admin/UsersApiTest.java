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
 * An account's users over /api/v1: made as technician, administrator or both, listed by status in pages, read and
 * changed under their ETag; disabling one ends their logins at once; roles and folder lists given by the whole
 * account only; every request and reply checked against the served OpenAPI document.
 */
class UsersApiTest {

    private static String users(ApiAccount a) {
        return "/api/v1/accounts/" + a.siteKey() + "/users";
    }

    private static long organisation(ApiAccount a, String kind) {
        return as(a.token()).get("/api/v1/accounts/" + a.siteKey() + "/hierarchy").jsonPath()
                .getLong("nodes.find { it.kind == '" + kind + "' }.id");
    }

    @Test
    void aUserMadeAsTechnicianAndAdministratorHoldsTwoNodesAndLogsInAtOnce() {
        ApiAccount a = AdminApi.account();
        String email = "lea@" + a.siteKey() + ".example";
        Response made = as(a.token()).contentType("application/json").body(Map.of("email", email, "name", "Lea Lead",
                "password", "lead-password-1", "technicianGroupId", a.techGroupId(), "administratorGroupId",
                organisation(a, "ADMINISTRATORS"))).post(users(a));
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        JsonPath lea = made.jsonPath();
        assertThat(made.header("Location")).endsWith(users(a) + "/" + lea.getLong("userId"));
        assertThat(lea.getLong("technicianNodeId")).isNotEqualTo(lea.getLong("administratorNodeId"));
        assertThat(lea.getLong("technicianGroupId")).isEqualTo(a.techGroupId());
        assertThat(lea.getString("administratorKind")).isEqualTo("ADMINISTRATOR");
        assertThat(lea.getString("status")).isEqualTo("ENABLED");
        assertThat(lea.getList("roles")).hasSize(2);
        assertThat(lea.getString("email")).isEqualTo(email);
        String login = RescueCalls.login(email, "lead-password-1");
        assertThat(RescueCalls.get("getAccount.aspx", login).asString()).contains(
                String.valueOf(lea.getLong("administratorNodeId")));
        Response read = as(a.token()).get(users(a) + "/" + lea.getLong("userId"));
        assertThat(read.header("ETag")).isEqualTo("\"" + lea.getLong("version") + "\"");
        assertThat(read.jsonPath().getMap("")).isEqualTo(lea.getMap(""));

        long masters = organisation(a, "MASTER_ADMINISTRATORS");
        JsonPath master = as(a.token()).contentType("application/json").body(Map.of("email", "m2@" + a.siteKey()
                + ".example", "name", "Second Owner", "password", "owner-password-2", "administratorGroupId", masters))
                .post(users(a)).then().statusCode(201).extract().jsonPath();
        assertThat(master.getString("administratorKind")).isEqualTo("MASTER_ADMINISTRATOR");
        assertThat(master.getString("technicianNodeId")).isNull();
    }

    @Test
    void everyBrokenRuleOfANewUserIsReportedAtOnceAndNothingIsMade() {
        ApiAccount a = AdminApi.account();
        Response bad = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("email", "not an email", "name", "x".repeat(201), "password", "short",
                        "technicianGroupId", organisation(a, "ADMINISTRATORS"), "roles", List.of(999_999_999L)))
                .post(users(a));
        assertThat(problem(bad, 422)).isEqualTo("validation-failed");
        assertThat(bad.jsonPath().getList("errors.field")).containsExactly("technicianGroupId", "name", "email",
                "password", "roles");
        assertThat(bad.jsonPath().getList("errors.code")).containsExactly("CANNOT_HOLD", "TOO_LONG", "MALFORMED",
                "TOO_SHORT", "UNKNOWN_ID");
        Response taken = as(a.token()).contentType("application/json").body(Map.of("email", a.onlineTechEmail(),
                "name", "Tom Two", "password", "tom-password-2", "technicianGroupId", a.techGroupId())).post(users(a));
        assertThat(taken.jsonPath().getList("errors.code")).containsExactly("TAKEN");
        Response nowhere = as(a.token()).contentType("application/json").body(Map.of("email", "n@" + a.siteKey()
                + ".example", "name", "N", "password", "n-password-1")).post(users(a));
        assertThat(nowhere.jsonPath().getList("errors.field")).containsExactly("technicianGroupId");
        assertThat(nowhere.jsonPath().getList("errors.code")).containsExactly("REQUIRED");
        ApiAccount other = AdminApi.account();
        Response theirs = as(a.token()).contentType("application/json").body(Map.of("email", "t@" + a.siteKey()
                + ".example", "name", "T", "password", "t-password-1", "technicianGroupId", other.techGroupId()))
                .post(users(a));
        assertThat(theirs.jsonPath().getList("errors.code")).as("another account's group, as a missing one")
                .containsExactly("NOT_FOUND");
        Response strict = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body("{\"email\":\"x@y.example\",\"technicianGroupId\":\"12\"}").post(users(a));
        assertThat(problem(strict, 400)).isEqualTo("malformed-request");
        assertThat(AdminApi.count("SELECT COUNT(*) FROM app_user WHERE account_id = :a", "a", a.accountId()))
                .isEqualTo(5);
    }

    @Test
    void disablingAUserUnderTheirETagEndsTheirLoginsAtOnceAndAStaleOrMissingETagChangesNothing() {
        ApiAccount a = AdminApi.account();
        String ada = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        String user = users(a) + "/" + a.folderAdminUserId();
        Response read = as(a.token()).get(user);
        String etag = read.header("ETag");
        Response without = raw().header("Authorization", "Bearer " + a.token()).contentType("application/json")
                .body(Map.of("status", "DISABLED")).patch(user);
        assertThat(problem(without, 428)).isEqualTo("precondition-required");
        Response disabled = as(a.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("status", "DISABLED", "name", "Ada (on leave)")).patch(user);
        assertThat(disabled.statusCode()).as(disabled.asString()).isEqualTo(200);
        assertThat(disabled.jsonPath().getString("status")).isEqualTo("DISABLED");
        assertThat(disabled.header("ETag")).isNotEqualTo(etag);
        assertThat(RescueCalls.get("transferSession.aspx", ada, "session", 1, "node", a.onlineTechNodeId())
                .asString()).isEqualTo("NOTLOGGEDINASADMIN");
        assertThat(AdminApi.count("SELECT COUNT(*) FROM web_session WHERE user_id = :u AND status = 'A'", "u",
                a.folderAdminUserId())).isZero();
        assertThat(RescueCalls.get("login.aspx", null, "email", a.folderAdminEmail(), "pwd",
                TestAccounts.ADMIN_PASSWORD).asString()).isEqualTo("INVALID");
        Response stale = as(a.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("status", "ENABLED")).patch(user);
        assertThat(problem(stale, 412)).isEqualTo("precondition-failed");
        assertThat(as(a.token()).get(user).jsonPath().getString("status")).isEqualTo("DISABLED");
        assertThat(AdminApi.eventActions(a.accountId(), "USER")).containsOnlyOnce("CHANGED");

        Response self = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("status", "DELETED")).patch(users(a) + "/" + a.masterUserId());
        assertThat(self.jsonPath().getList("errors.code")).as("the token acts as the master administrator")
                .containsExactly("SELF");
        Response deleted = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("status", "DELETED")).patch(user);
        assertThat(deleted.jsonPath().getString("status")).isEqualTo("DELETED");
        assertThat(deleted.jsonPath().getString("administratorNodeId")).isNull();
        Response again = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("status", "ENABLED")).patch(user);
        assertThat(problem(again, 409)).isEqualTo("conflict");
        assertThat(again.jsonPath().getString("code")).isEqualTo("USER_DELETED");
    }

    @Test
    void theListFiltersByStatusPagesAndShowsAnAdministratorOnlyTheUsersOfTheirFolderList() {
        ApiAccount a = AdminApi.account();
        JsonPath first = as(a.token()).queryParam("limit", 3).get(users(a)).jsonPath();
        assertThat(first.getList("items")).hasSize(3);
        JsonPath rest = as(a.token()).queryParam("limit", 3).queryParam("cursor", first.getString("next"))
                .get(users(a)).jsonPath();
        assertThat(rest.getList("items.userId", Long.class)).hasSize(2).doesNotContainAnyElementsOf(
                first.getList("items.userId", Long.class));
        assertThat(rest.getString("next")).isNull();
        String ada = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(withCookie(ada).get(users(a)).jsonPath().getList("items.email"))
                .containsExactly(a.onlineTechEmail(), "olga@" + a.siteKey() + ".example");
        long otto = as(a.token()).get(users(a)).jsonPath().getLong("items.find { it.name == 'Otto Other' }.userId");
        Response outside = withCookie(ada).get(users(a) + "/" + otto);
        assertThat(problem(outside, 403)).isEqualTo("forbidden");
        assertThat(outside.jsonPath().getString("code")).isEqualTo("OUTSIDE_FOLDER_LIST");
        as(a.token()).header("If-Match", "*").contentType("application/json").body(Map.of("status", "DISABLED"))
                .patch(users(a) + "/" + otto).then().statusCode(200);
        assertThat(as(a.token()).queryParam("status", "DISABLED").get(users(a)).jsonPath().getList("items.userId",
                Long.class)).containsExactly(otto);
        assertThat(as(a.token()).queryParam("status", "ENABLED").get(users(a)).jsonPath().getList("items.userId",
                Long.class)).hasSize(4).doesNotContain(otto);
        Response bad = raw().header("Authorization", "Bearer " + a.token()).queryParam("status", "ASLEEP")
                .queryParam("limit", 0).get(users(a));
        assertThat(bad.jsonPath().getList("errors.field")).containsExactlyInAnyOrder("status", "limit");
        ApiAccount other = AdminApi.account();
        assertThat(problem(as(other.token()).get(users(other) + "/" + otto), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("status", "DISABLED")).patch(users(other) + "/" + otto), 404)).isEqualTo("not-found");
        assertThat(problem(as(other.token()).get(users(a)), 404)).isEqualTo("not-found");
    }

    @Test
    void rolesAndAFolderListAreGivenByTheWholeAccountOnly() {
        ApiAccount a = AdminApi.account();
        JsonPath roles = as(a.token()).get("/api/v1/accounts/" + a.siteKey() + "/roles").jsonPath();
        long administrator = roles.getLong("items.find { it.name == 'Administrator' }.id");
        long teamFolders = AdminApi.count("SELECT id FROM folder_list WHERE account_id = :a AND name = 'Team only'",
                "a", a.accountId());
        String ada = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        String tom = users(a) + "/" + a.onlineTechUserId();
        Response refused = withCookie(ada).header("If-Match", "*").contentType("application/json")
                .body(Map.of("roles", List.of(administrator))).patch(tom);
        assertThat(problem(refused, 403)).isEqualTo("forbidden");
        assertThat(refused.jsonPath().getString("code")).isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        Response madeWithRoles = withCookie(ada).contentType("application/json").body(Map.of("email", "r@"
                + a.siteKey() + ".example", "name", "R", "password", "r-password-1", "technicianGroupId",
                a.techGroupId(), "roles", List.of(administrator))).post(users(a));
        assertThat(madeWithRoles.jsonPath().getString("code")).isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        Response renamed = withCookie(ada).header("If-Match", "*").contentType("application/json")
                .body(Map.of("name", "Thomas")).patch(tom);
        assertThat(renamed.jsonPath().getString("name")).as("but the rest, inside her folder list").isEqualTo("Thomas");

        Response given = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("roles", List.of(administrator), "folderListId", teamFolders)).patch(tom);
        assertThat(given.jsonPath().getList("roles", Long.class)).containsExactly(administrator);
        assertThat(given.jsonPath().getLong("folderListId")).isEqualTo(teamFolders);
        Response none = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("folderListId", 0)).patch(tom);
        assertThat(none.jsonPath().getString("folderListId")).isNull();
        ApiAccount other = AdminApi.account();
        long theirRole = as(other.token()).get("/api/v1/accounts/" + other.siteKey() + "/roles").jsonPath()
                .getLong("items[0].id");
        Response foreign = as(a.token()).header("If-Match", "*").contentType("application/json")
                .body(Map.of("roles", List.of(theirRole))).patch(tom);
        assertThat(foreign.jsonPath().getList("errors.code")).containsExactly("UNKNOWN_ID");
    }

    @Test
    void aCreationRetriedWithItsIdempotencyKeyMakesOneUser() {
        ApiAccount a = AdminApi.account();
        Map<String, Object> body = Map.of("email", "once@" + a.siteKey() + ".example", "name", "Once",
                "password", "once-password", "technicianGroupId", a.techGroupId());
        Response first = as(a.token()).header("Idempotency-Key", "user-once").contentType("application/json")
                .body(body).post(users(a));
        Response again = as(a.token()).header("Idempotency-Key", "user-once").contentType("application/json")
                .body(body).post(users(a));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getLong("userId")).isEqualTo(first.jsonPath().getLong("userId"));
        assertThat(AdminApi.count("SELECT COUNT(*) FROM app_user WHERE email = :e", "e", "once@" + a.siteKey()
                + ".example")).isEqualTo(1);
        Response without = as(a.token()).contentType("application/json").body(body).post(users(a));
        assertThat(without.jsonPath().getList("errors.code")).as("without the key, a second try is a new request")
                .containsExactly("TAKEN");
    }
}
