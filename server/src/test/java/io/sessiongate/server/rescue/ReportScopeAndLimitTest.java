package io.sessiongate.server.rescue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.ScriptedDay;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestDatabase;
import io.sessiongate.server.ServerConfig;
import io.sessiongate.server.SessionGate;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** getReport_v2's rules across callers: the poll limit, the accounts, and several server processes. */
class ReportScopeAndLimitTest {

    private final TestServer server = TestServer.get();

    @AfterEach
    void realTime() {
        server.clock().reset();
    }

    private static String get(String method, String cookie, Object... params) {
        return RescueCalls.get(method, cookie, params).then().statusCode(200).extract().asString();
    }

    private static String codeOf(String body) {
        int nl = body.indexOf('\n');
        return nl < 0 ? body : body.substring(0, nl);
    }

    @Test
    void theSameReportIsRefusedForSixtySecondsWhileOtherNodesAndAreasAreServed() {
        server.clock().freeze();
        TestAccount a = server.accounts().create(1);
        String admin = RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Object techA = a.onlineTechNodeId();
        assertThat(codeOf(get("getReport_v2.aspx", admin, "node", techA))).isEqualTo("OK");
        assertThat(get("getReport_v2.aspx", admin, "node", techA, "nodetype", "NODE")).isEqualTo("POLLRATEEXCEEDED");
        assertThat(codeOf(get("getReport_v2.aspx", admin, "node", a.offlineTechNodeId()))).as("the next technician")
                .isEqualTo("OK");
        assertThat(codeOf(get("getReport_v2.aspx", admin, "node", a.channelId(), "nodetype", "CHANNEL")))
                .isEqualTo("OK");
        assertThat(get("setReportArea_v8.aspx", admin, "area", 16)).isEqualTo("OK");
        assertThat(codeOf(get("getReport_v2.aspx", admin, "node", techA))).as("another area").isEqualTo("OK");
        assertThat(get("setReportArea_v8.aspx", admin, "area", 0)).isEqualTo("OK");
        assertThat(get("setOutput.aspx", admin, "output", "XML")).isEqualTo("OK");
        assertThat(get("getReport_v2.aspx", admin, "node", techA)).as("the same report in another format")
                .isEqualTo("POLLRATEEXCEEDED");
        server.clock().advance(Duration.ofSeconds(59));
        assertThat(get("getReport_v2.aspx", admin, "node", techA)).isEqualTo("POLLRATEEXCEEDED");
        server.clock().advance(Duration.ofSeconds(1));
        assertThat(get("getReport_v2.aspx", admin, "node", techA)).startsWith("OK\n\n<report><header>");
    }

    @Test
    void nothingOfAnotherAccountReachesAReport() {
        String demo = RescueCalls.login(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        for (Object[] foreign : new Object[][] {{DemoData.OTHER_TECH_NODE, "NODE"}, {DemoData.OTHER_TECH_GROUP, "NODE"},
                {DemoData.OTHER_ADMIN_GROUP, "NODE"}, {DemoData.OTHER_CHANNEL, "CHANNEL"}}) {
            assertThat(get("getReport_v2.aspx", demo, "node", foreign[0], "nodetype", foreign[1]))
                    .as("other's node %s", foreign[0]).isEqualTo("INVALIDPARAM_NODE");
        }
        String channel = get("getReport_v2.aspx", demo, "node", DemoData.SUPPORT_CHANNEL, "nodetype", "CHANNEL");
        assertThat(codeOf(channel)).isEqualTo("OK");
        assertThat(channel).doesNotContain("|" + DemoData.OTHER_SESSION + "|").doesNotContain("Other");
        assertThat(get("setReportArea_v8.aspx", demo, "area", 16)).isEqualTo("OK");
        String transfers = get("getReport_v2.aspx", demo, "node", DemoData.DEMO_TECH_GROUP);
        assertThat(codeOf(transfers)).isEqualTo("OK");
        assertThat(transfers).doesNotContain("Other");

        // Two fresh accounts, each with a day of its own: each administrator's report holds their own only.
        ScriptedDay mine = ScriptedDay.run(server.core(), server.accounts(), server.clock());
        ScriptedDay theirs = ScriptedDay.run(server.core(), server.accounts(), server.clock());
        String admin = RescueCalls.login(mine.account().adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(get("setReportDate_v2.aspx", admin, "bdate", "3/5/2024", "edate", "3/5/2024")).isEqualTo("OK");
        List<Map<String, String>> rows = ScriptedDayReportTest.textRows(
                get("getReport_v2.aspx", admin, "node", mine.account().techGroupId()).substring(4), "|");
        assertThat(rows).extracting(r -> r.get("Session ID"))
                .containsExactly(Long.toString(mine.sessionId()), Long.toString(mine.liveSessionId()));
        assertThat(get("getReport_v2.aspx", admin, "node", theirs.account().techGroupId()))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(get("getReport_v2.aspx", admin, "node", theirs.account().channelId(), "nodetype", "CHANNEL"))
                .isEqualTo("INVALIDPARAM_NODE");
    }

    /**
     * Two server processes on one database (a second server, pool and services here, sharing nothing
     * with the first but MariaDB): the settings made through one make the report the other writes,
     * and the poll limit counts for both.
     */
    @Test
    void settingsMadeThroughOneServerAreHonouredByAnother() {
        server.clock().freeze();
        TestAccount a = server.accounts().create(1);
        String admin = RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String code = RescueCalls.authCode(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(get("setOutput.aspx", admin, "output", "XML")).isEqualTo("OK");
        assertThat(get("setTimezone.aspx", admin, "timezone", "-240")).isEqualTo("OK");
        TestDatabase db = TestDatabase.get();
        Database second = Database.open(db.config());
        MutableClock clock = new MutableClock();
        try (SessionGate other = SessionGate.start(new ServerConfig("127.0.0.1", 0, Optional.of(db.config()), 4, false,
                Path.of("target", "data-second"), 4), second, null, clock)) {
            String viaOther = given().baseUri(other.baseUri().toString()).cookie(RescueCalls.COOKIE, admin)
                    .queryParam("node", a.channelId()).queryParam("nodetype", "CHANNEL")
                    .get("/API/getReport_v2.aspx").then().statusCode(200).extract().asString();
            assertThat(viaOther).as("XML, as set through the first server").startsWith("OK\n\n<report><header>");
            assertThat(get("getReport_v2.aspx", admin, "node", a.channelId(), "nodetype", "CHANNEL"))
                    .as("the limit is counted in the database").isEqualTo("POLLRATEEXCEEDED");
            assertThat(given().baseUri(other.baseUri().toString()).queryParam("delimiter", ";")
                    .queryParam("authcode", code).get("/API/setDelimiter.aspx").then().extract().asString())
                    .isEqualTo("OK");
            assertThat(other.core().reports().settings(io.sessiongate.core.websession.Credentials.cookie(admin)))
                    .get().extracting(s -> s.timezoneMinutes()).isEqualTo(-240);
        }
        String text = get("getReport_v2.aspx", null, "node", a.channelId(), "nodetype", "CHANNEL", "authcode", code);
        assertThat(text).as("the auth code's delimiter, set through the second server")
                .startsWith("OK\n\nStart Time;End Time;");
    }
}
