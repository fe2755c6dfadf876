package io.sessiongate.server.admin;

import static io.sessiongate.server.testing.AdminApi.as;
import static io.sessiongate.server.testing.AdminApi.problem;
import static io.sessiongate.server.testing.AdminApi.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.AdminApi.ApiAccount;
import io.sessiongate.server.testing.RescueCalls;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The events of one support session are for whoever may see that session (the admin page shows a folder
 * administrator the history of the sessions they act on); the rest of the trail stays the master
 * administrator's.
 */
class SupportSessionEventsApiTest {

    private static String path(ApiAccount a, String rest) {
        return "/api/v1/accounts/" + a.siteKey() + rest;
    }

    @Test
    void aFolderAdministratorReadsTheEventsOfASessionOfTheirFolderListAndOfNoOther() {
        ApiAccount a = AdminApi.account();
        long mine = as(a.token()).contentType("application/json").body(Map.of("channelId", a.channelId()))
                .post(path(a, "/support-sessions")).then().statusCode(201).extract().jsonPath().getLong("id");
        long theirs = as(a.token()).contentType("application/json").body(Map.of("channelId", a.otherChannelId()))
                .post(path(a, "/support-sessions")).then().statusCode(201).extract().jsonPath().getLong("id");
        String folderAdmin = RescueCalls.login(a.folderAdminEmail(), TestAccounts.ADMIN_PASSWORD);

        JsonPath own = withCookie(folderAdmin).queryParam("objectType", "SUPPORT_SESSION").queryParam("objectId", mine)
                .get(path(a, "/events")).then().statusCode(200).extract().jsonPath();
        assertThat(own.getList("items.objectId", Long.class)).containsExactly(mine);
        assertThat(own.getList("items.action")).containsExactly("CREATED");

        assertThat(problem(withCookie(folderAdmin).queryParam("objectType", "SUPPORT_SESSION")
                .queryParam("objectId", theirs).get(path(a, "/events")), 404)).isEqualTo("not-found");
        assertThat(problem(withCookie(folderAdmin).queryParam("objectType", "SUPPORT_SESSION")
                .queryParam("objectId", 999999999L).get(path(a, "/events")), 404)).isEqualTo("not-found");
        // anything wider is still the master administrator's
        assertThat(withCookie(folderAdmin).queryParam("objectType", "SUPPORT_SESSION").get(path(a, "/events"))
                .jsonPath().getString("code")).isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        assertThat(withCookie(folderAdmin).queryParam("objectType", "WEB_SESSION").queryParam("objectId", 1)
                .get(path(a, "/events")).jsonPath().getString("code")).isEqualTo("WHOLE_ACCOUNT_REQUIRED");
        // the master administrator's token reads both
        assertThat(as(a.token()).queryParam("objectType", "SUPPORT_SESSION").queryParam("objectId", theirs)
                .get(path(a, "/events")).jsonPath().getList("items.action")).containsExactly("CREATED");
    }
}
