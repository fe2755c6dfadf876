package io.sessiongate.server.rescue;

import static io.sessiongate.server.testing.RescueCalls.both;
import static io.sessiongate.server.testing.RescueCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.api.rescue.SessionTable;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** getSession_v3, isAnyTechAvailableOnChannel, getUser_v3 and the console heartbeat that feeds them. */
class SessionQueriesTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(2);
    private final String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);

    // GET and POST must answer the same table; the waiting-time column must not tick between them.
    @BeforeEach
    void freezeTheClock() {
        server.clock().freeze();
    }

    @AfterEach
    void releaseTheClock() {
        server.clock().reset();
    }

    @Test
    void getSessionListsAChannelsQueueAndThenTheTransferOnTheTechnician() {
        String queue = both("getSession_v3.aspx", admin, "node", account.channelId(), "noderef", "CHANNEL");
        assertThat(queue).startsWith("OK\n\n" + SessionTable.HEADER + "\n").endsWith("|\n");
        List<SessionRow> waiting = SessionTable.parse(RescueReply.dataOf(queue));
        assertThat(waiting).extracting(SessionRow::id).containsExactlyElementsOf(account.sessionIds());
        assertThat(waiting.get(0).status()).isEqualTo("Waiting");
        assertThat(waiting.get(0).entry()).isEqualTo("Channel");
        assertThat(waiting.get(0).startTime()).matches("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M");

        Long moved = account.sessionIds().get(0);
        assertThat(get("transferSession.aspx", admin, "session", moved, "node", account.onlineTechNodeId(),
                "comment", "needs | a specialist").asString()).isEqualTo("OK");
        List<SessionRow> owned = SessionTable.parse(RescueReply.dataOf(
                both("getSession_v3.aspx", admin, "node", account.onlineTechNodeId())));
        assertThat(owned).hasSize(1);
        SessionRow row = owned.get(0);
        assertThat(row.id()).isEqualTo(moved);
        assertThat(row.status()).isEqualTo("Transferring");
        assertThat(row.technicianId()).isEqualTo(account.onlineTechNodeId());
        assertThat(row.transferredTo()).isEqualTo("Online Tech");
        assertThat(row.transferredComment()).isEqualTo("needs / a specialist");
        assertThat(SessionTable.parse(RescueReply.dataOf(both("getSession_v3.aspx", admin, "node",
                account.channelId(), "noderef", "CHANNEL")))).extracting(SessionRow::id)
                .containsExactly(account.sessionIds().get(1));
    }

    @Test
    void getSessionRefusesOtherAccountsAndBadNodes() {
        assertThat(both("getSession_v3.aspx", admin, "node", DemoData.OTHER_TECH_NODE)).isEqualTo("INVALIDPARAM_NODE");
        assertThat(both("getSession_v3.aspx", admin, "node", DemoData.OTHER_CHANNEL, "noderef", "CHANNEL"))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(both("getSession_v3.aspx", admin, "node", account.channelId())).isEqualTo("INVALIDPARAM_NODE");
        assertThat(both("getSession_v3.aspx", admin, "node", "x")).isEqualTo("INVALIDPARAM_NODE");
        assertThat(both("getSession_v3.aspx", null, "node", account.channelId(), "noderef", "CHANNEL"))
                .isEqualTo("NOTLOGGEDIN");
        assertThat(both("getSession_v3.aspx", null, "node", account.channelId(), "authcode", "nope"))
                .isEqualTo("INVALID_SECRETAUTHCODE");
        server.accounts().accounts().setUserStatus(account.adminUserId(), UserStatus.DISABLED);
        assertThat(both("getSession_v3.aspx", admin, "node", account.channelId(), "noderef", "CHANNEL"))
                .isEqualTo("USER_DELETED_OR_DISABLED");
    }

    @Test
    void aChannelHasATechAvailableWhileAConsoleOfItsGroupBeats() {
        String code = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(both("isAnyTechAvailableOnChannel.aspx", null, "ChannelID", account.channelId(),
                "ExcludingAwayAndBusy", "true", "authcode", code)).isEqualTo("TRUE");
        String tech = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        heartbeat(tech, "Away").then().statusCode(200);
        assertThat(both("isAnyTechAvailableOnChannel.aspx", admin, "channelid", account.channelId(),
                "excludingawayandbusy", "true")).isEqualTo("FALSE");
        assertThat(both("isAnyTechAvailableOnChannel.aspx", admin, "ChannelID", account.channelId()))
                .isEqualTo("TRUE");
        assertThat(both("isAnyTechAvailableOnChannel.aspx", admin, "ChannelID", DemoData.OTHER_CHANNEL))
                .isEqualTo("INVALIDPARAM_CHANNELID");
        assertThat(both("isAnyTechAvailableOnChannel.aspx", admin, "ChannelID", account.onlineTechNodeId()))
                .isEqualTo("INVALIDPARAM_CHANNELID");
        assertThat(both("isAnyTechAvailableOnChannel.aspx", null, "ChannelID", account.channelId()))
                .isEqualTo("NOTLOGGEDIN");
    }

    @Test
    void getUserTellsTheTechniciansPresence() {
        assertThat(both("getUser_v3.aspx", admin, "node", account.onlineTechNodeId())).isEqualTo(String.join("\n",
                "OK", "", "NODEID: " + account.onlineTechNodeId(), "NAME: Online Tech", "NICK: ",
                "EMAIL: " + account.onlineTechEmail(), "SSOID: ", "DESCRIPTION: ", "TYPE: Technician",
                "HASMOBILEADDON: False", "ISACCOUNTHOLDER: False", "STATUS: Online"));
        assertThat(both("getUser_v3.aspx", admin, "email", account.offlineTechEmail())).endsWith("STATUS: Offline");
        assertThat(both("getUser_v3.aspx", admin, "node", account.adminNodeId())).contains("TYPE: Administrator");
        String tech = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        heartbeat(tech, "Busy").then().statusCode(200);
        assertThat(both("getUser_v3.aspx", admin, "node", account.onlineTechNodeId())).endsWith("STATUS: Busy");
        server.accounts().accounts().setUserStatus(account.offlineTechUserId(), UserStatus.DISABLED);
        assertThat(both("getUser_v3.aspx", admin, "node", account.offlineTechNodeId())).endsWith("STATUS: Disabled");
        assertThat(both("getUser_v3.aspx", admin, "node", DemoData.OTHER_TECH_NODE)).isEqualTo("INVALIDPARAM_NODE");
        assertThat(both("getUser_v3.aspx", admin, "email", DemoData.OTHER_TECH_EMAIL)).isEqualTo("INVALIDPARAM_EMAIL");
        assertThat(both("getUser_v3.aspx", admin, "email", account.offlineTechEmail(), "node", 1))
                .isEqualTo("INVALID_EMAILANDNODEIDBOTHSPECIFIED");
        assertThat(both("getUser_v3.aspx", null, "node", account.onlineTechNodeId())).isEqualTo("NOTLOGGEDIN");
    }

    @Test
    void onlyALoggedInTechnicianSendsHeartbeats() {
        heartbeat(null, "Online").then().statusCode(401).contentType("application/problem+json");
        heartbeat(admin, "Online").then().statusCode(403).contentType("application/problem+json");
        String tech = RescueCalls.login(account.offlineTechEmail(), TestAccounts.TECH_PASSWORD);
        heartbeat(tech, "Sleeping").then().statusCode(422).contentType("application/problem+json");
        heartbeat(tech, "Online").then().statusCode(200);
        assertThat(get("transferSession.aspx", admin, "session", account.sessionIds().get(1), "node",
                account.offlineTechNodeId()).asString()).isEqualTo("OK");
        String code = RescueCalls.authCode(account.offlineTechEmail(), TestAccounts.TECH_PASSWORD);
        RestAssured.given().baseUri(server.baseUri().toString()).filter(AdminApi.validated())
                .header("Authorization", "Bearer " + code)
                .contentType("application/json").body("{\"status\":\"Away\"}")
                .post("/api/v1/console/heartbeat").then().statusCode(200);
    }

    private io.restassured.response.Response heartbeat(String cookie, String status) {
        var spec = RestAssured.given().baseUri(server.baseUri().toString()).filter(AdminApi.repliesOnly())
                .contentType("application/json")
                .body("{\"status\":\"" + status + "\"}");
        if (cookie != null) {
            spec.cookie(RescueCalls.COOKIE, cookie);
        }
        return spec.post("/api/v1/console/heartbeat");
    }
}
