package io.sessiongate.server.admin;

import static io.sessiongate.server.testing.AdminApi.as;
import static io.sessiongate.server.testing.AdminApi.problem;
import static io.sessiongate.server.testing.AdminApi.raw;
import static io.sessiongate.server.testing.AdminApi.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.AdminApi.ApiAccount;
import io.sessiongate.server.testing.RescueCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit trail: oldest first, a feed that a reader follows with its cursor, filtered by object. */
class EventsApiTest {

    private static String events(ApiAccount a) {
        return "/api/v1/accounts/" + a.siteKey() + "/events";
    }

    @Test
    void theTrailIsFollowedOldestFirstAndOnlyWhatIsNewComesNext() {
        ApiAccount a = AdminApi.account();
        JsonPath start = as(a.token()).get(events(a)).jsonPath();
        assertThat(start.getList("items.action")).containsExactly("CREATED", "CREATED");
        assertThat(start.getList("items.objectType")).containsExactly("ACCOUNT", "API_TOKEN");
        String cursor = start.getString("next");
        JsonPath nothing = as(a.token()).queryParam("after", cursor).get(events(a)).jsonPath();
        assertThat(nothing.getList("items")).isEmpty();
        assertThat(nothing.getString("next")).isEqualTo(cursor);
        as(a.token()).contentType("application/json").body(Map.of("name", "t2"))
                .post("/api/v1/accounts/" + a.siteKey() + "/api-tokens").then().statusCode(201);
        RescueCalls.login(a.masterEmail(), a.masterPassword());
        JsonPath fresh = as(a.token()).queryParam("after", cursor).get(events(a)).jsonPath();
        assertThat(fresh.getList("items.action")).containsExactly("CREATED", "LOGGED_IN");
        assertThat(fresh.getLong("items[1].byUserId")).isEqualTo(a.masterUserId());
        // one at a time, the same trail
        List<String> actions = new ArrayList<>();
        String after = null;
        while (true) {
            var spec = as(a.token()).queryParam("limit", 1);
            if (after != null) {
                spec.queryParam("after", after);
            }
            JsonPath page = spec.get(events(a)).jsonPath();
            if (page.getList("items").isEmpty()) {
                break;
            }
            actions.add(page.getString("items[0].action"));
            after = page.getString("next");
        }
        assertThat(actions).containsExactly("CREATED", "CREATED", "CREATED", "LOGGED_IN");
        assertThat(as(a.token()).queryParam("objectType", "API_TOKEN").get(events(a)).jsonPath().getList("items"))
                .hasSize(2);
        assertThat(as(a.token()).queryParam("objectType", "API_TOKEN").queryParam("objectId", 999999999)
                .get(events(a)).jsonPath().getList("items")).isEmpty();
    }

    @Test
    void badFiltersAreReportedTogetherAndOnlyWholeAccountCallersReadTheTrail() {
        ApiAccount a = AdminApi.account();
        var bad = raw().header("Authorization", "Bearer " + a.token()).queryParam("objectType", "PLANET")
                .queryParam("after", "not-a-cursor").queryParam("limit", 1000).get(events(a));
        assertThat(problem(bad, 422)).isEqualTo("validation-failed");
        assertThat(bad.jsonPath().getList("errors.field")).containsExactlyInAnyOrder("limit", "after", "objectType");
        assertThat(raw().header("Authorization", "Bearer " + a.token()).queryParam("objectId", 5).get(events(a))
                .jsonPath().getList("errors.code")).containsExactly("OBJECT_TYPE_REQUIRED");
        String folderAdmin = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(withCookie(folderAdmin).get(events(a)).jsonPath().getString("code"))
                .isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        ApiAccount other = AdminApi.account();
        assertThat(problem(as(other.token()).get(events(a)), 404)).isEqualTo("not-found");
        String cursorOfOtherList = as(a.token()).queryParam("limit", 1).get("/api/v1/accounts/" + a.siteKey()
                + "/api-tokens").jsonPath().getString("next");
        assertThat(cursorOfOtherList).isNull(); // one token: no next page
    }
}
