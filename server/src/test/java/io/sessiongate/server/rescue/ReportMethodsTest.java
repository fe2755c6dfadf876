package io.sessiongate.server.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.api.rescue.GetReportResult;
import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.api.rescue.ReportSettingResult;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.report.ReportSettings;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.RescueTransports;
import io.sessiongate.server.testing.RescueTransports.P;
import io.sessiongate.server.testing.RescueTransports.Reply;
import io.sessiongate.server.testing.RescueTransports.Transport;
import io.sessiongate.server.testing.TestServer;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report setters and getReport_v2 over the four ways a caller reaches them ({@code .aspx} by GET
 * and POST, SOAP 1.1 and 1.2), each meeting every code it can answer. {@code ERROR} is what a
 * database fault answers (ApiExceptionMapperTest); over SOAP, a value the WSDL's schema refuses (a
 * date that is not an {@code xsd:dateTime}, an output that is not TEXT or XML) is a fault, as for
 * every operation, not {@code InvalidFormat}.
 */
class ReportMethodsTest {

    private final TestServer server = TestServer.get();

    private static P authCode(String code) {
        return new P("authcode", "sAuthCode", code);
    }

    private static Reply setter(Transport t, ReportSettingResult code, String aspx, String operation, String prefix,
                                String cookie, P... params) {
        Reply r = RescueTransports.expect(t, code.of(prefix), aspx, operation, cookie, params);
        if (!t.soap()) {
            assertThat(r.body()).as("exactly the code").isEqualTo(code.httpCode());
        }
        return r;
    }

    private static Reply area(Transport t, ReportSettingResult code, String cookie, String area, String authCode) {
        return setter(t, code, "setReportArea_v8", "setReportArea_v8", "setReportArea", cookie,
                new P("area", "eReportArea", area), authCode(authCode));
    }

    private static Reply dates(Transport t, ReportSettingResult code, String cookie, String begin, String end) {
        return setter(t, code, "setReportDate_v2", "setReportDate_v2", "setReportDate", cookie,
                new P("bdate", "dBeginDate", begin), new P("edate", "dEndDate", end));
    }

    private static Reply times(Transport t, ReportSettingResult code, String cookie, String begin, String end) {
        return setter(t, code, "setReportTime", "setReportTime", "setReportTime", cookie,
                new P("btime", "sBeginTime", begin), new P("etime", "sEndTime", end));
    }

    private static Reply timezone(Transport t, ReportSettingResult code, String cookie, String minutes) {
        return setter(t, code, "setTimezone", "setTimezone", "setTimezone", cookie,
                new P("timezone", "sTimezone", minutes));
    }

    private static Reply output(Transport t, ReportSettingResult code, String cookie, String output, String authCode) {
        return setter(t, code, "setOutput", "setOutput", "setOutput", cookie, new P("output", "eOutput", output),
                authCode(authCode));
    }

    private static Reply delimiter(Transport t, ReportSettingResult code, String cookie, String delimiter) {
        return setter(t, code, "setDelimiter", "setDelimiter", "setDelimiter", cookie,
                new P("delimiter", "sDelimiter", delimiter));
    }

    private static Reply report(Transport t, GetReportResult code, String cookie, Object node, String type,
                                String authCode) {
        return RescueTransports.expect(t, code, "getReport_v2", "getReport_v2", cookie,
                new P("node", "iNodeID", node), new P("nodetype", "eNodeRef", type), authCode(authCode));
    }

    private static void refusedBySchema(Transport t, String operation, String cookie, P... params) {
        Response r = RescueTransports.soap(t, operation, cookie, params);
        assertThat(r.statusCode()).isIn(400, 500);
        assertThat(r.asString()).contains("Fault");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyReportSetterAnswersOkTheRefusalsAndTheAuthenticationCodes(Transport t) {
        TestAccount a = server.accounts().create(0);
        String admin = RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String code = RescueCalls.authCode(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        boolean soap = t.soap();
        Set<ReportSettingResult> seen = EnumSet.noneOf(ReportSettingResult.class);

        area(t, ReportSettingResult.OK, admin, soap ? "TRANSFERRED_SESSIONS_EXTENDED" : "16", null);
        area(t, ReportSettingResult.INVALID_PARAM_AREA, admin, soap ? "PERFORMANCE" : "4", null);
        area(t, ReportSettingResult.INVALID_PARAM_AREA, admin, "99", null);
        area(t, ReportSettingResult.NOT_LOGGED_IN, null, "0", null);
        area(t, ReportSettingResult.INVALID_SECRET_AUTH_CODE, null, "0", "x".repeat(80));
        dates(t, ReportSettingResult.OK, admin, soap ? "2024-03-05T00:00:00" : "3/5/2024 0:00:00",
                soap ? "2024-03-06T23:59:59" : "3/6/2024 23:59:59");
        dates(t, ReportSettingResult.INVALID_DATE_RANGE, admin, soap ? "2024-03-06T00:00:00" : "3/6/2024 0:00:00",
                soap ? "2024-03-05T00:00:00" : "3/5/2024 0:00:00");
        if (soap) {
            refusedBySchema(t, "setReportDate_v2", admin, new P(null, "dBeginDate", "3/5/2024 0:00:00"),
                    new P(null, "dEndDate", "3/6/2024 0:00:00"));
            refusedBySchema(t, "setOutput", admin, new P(null, "eOutput", "PDF"));
        } else {
            dates(t, ReportSettingResult.INVALID_FORMAT, admin, "2024/03/05", "3/6/2024");
            output(t, ReportSettingResult.INVALID_FORMAT, admin, "PDF", null);
        }
        times(t, ReportSettingResult.OK, admin, "8:00", "18:00:00");
        times(t, ReportSettingResult.INVALID_FORMAT, admin, "25:00", "18:00");
        timezone(t, ReportSettingResult.OK, admin, "-300");
        timezone(t, ReportSettingResult.INVALID_FORMAT, admin, "EST");
        output(t, ReportSettingResult.OK, admin, soap ? "XML" : "xml", null);
        output(t, ReportSettingResult.OK, null, "XML", code);
        delimiter(t, ReportSettingResult.OK, admin, ";");
        delimiter(t, ReportSettingResult.INVALID_FORMAT, admin, "");
        seen.addAll(EnumSet.of(ReportSettingResult.OK, ReportSettingResult.INVALID_PARAM_AREA,
                ReportSettingResult.NOT_LOGGED_IN, ReportSettingResult.INVALID_SECRET_AUTH_CODE,
                ReportSettingResult.INVALID_DATE_RANGE, ReportSettingResult.INVALID_FORMAT));

        assertThat(server.core().reports().settings(Credentials.cookie(admin))).as("kept in the database")
                .contains(new ReportSettings(ReportArea.TRANSFERRED_SESSIONS_EXTENDED,
                        LocalDateTime.of(2024, 3, 5, 0, 0), LocalDateTime.of(2024, 3, 6, 23, 59, 59),
                        LocalTime.of(8, 0), LocalTime.of(18, 0), -300, ReportOutput.XML, ";"));
        assertThat(server.core().reports().settings(Credentials.authCode(code))).as("the auth code's own")
                .contains(ReportSettings.DEFAULTS.withOutput(ReportOutput.XML));

        server.accounts().accounts().setUserStatus(a.adminUserId(), UserStatus.DISABLED);
        ReportSettingResult disabled = ReportSettingResult.USER_DELETED_OR_DISABLED;
        area(t, disabled, admin, "0", null);
        dates(t, disabled, admin, soap ? "2024-03-05T00:00:00" : "3/5/2024", soap ? "2024-03-05T00:00:00" : "3/5/2024");
        times(t, disabled, admin, "8:00", "9:00");
        timezone(t, disabled, admin, "0");
        output(t, disabled, admin, "TEXT", null);
        delimiter(t, disabled, admin, "|");
        seen.add(disabled);
        seen.add(ReportSettingResult.ERROR); // a fault's answer: ApiExceptionMapperTest
        assertThat(seen).isEqualTo(EnumSet.allOf(ReportSettingResult.class));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getReportAnswersTheReportThePollLimitAndEveryRefusal(Transport t) {
        TestAccount a = server.accounts().create(1);
        TestAccount other = server.accounts().create(0);
        String admin = RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Set<GetReportResult> seen = EnumSet.noneOf(GetReportResult.class);
        report(t, GetReportResult.NOT_LOGGED_IN, null, a.techGroupId(), "NODE", null);
        report(t, GetReportResult.INVALID_SECRET_AUTH_CODE, null, a.techGroupId(), "NODE", "x".repeat(80));
        report(t, GetReportResult.INVALID_PARAM_NODE, admin, other.techGroupId(), "NODE", null);
        report(t, GetReportResult.INVALID_PARAM_NODE, admin, a.onlineTechNodeId(), "CHANNEL", null);
        report(t, GetReportResult.INVALID_PARAM_NODE, admin, a.channelId(), "NODE", null);
        if (!t.soap()) {
            report(t, GetReportResult.INVALID_PARAM_NODE, admin, "12x", null, null);
            report(t, GetReportResult.INVALID_PARAM_NODE, admin, a.techGroupId(), "EXTERNALGROUP", null);
        }
        Reply ok = report(t, GetReportResult.OK, admin, a.channelId(), "CHANNEL", null);
        String text = t.soap() ? ok.soapValue("sReport") : ok.body();
        String header = String.join("|", ReportViews.SESSION_COLUMNS) + "|\n";
        assertThat(text).startsWith(t.soap() ? header : "OK\n\n" + header);
        assertThat(text.split("\n")).as("the header and the channel's one session").hasSize(t.soap() ? 2 : 4);
        assertThat(text).contains("|" + a.sessionIds().get(0) + "|Channel|Waiting|Customer " + a.sessionIds().get(0)
                + "|");
        Reply again = report(t, GetReportResult.POLL_RATE_EXCEEDED, admin, a.channelId(), "CHANNEL", null);
        assertThat(again.soapValue("sReport")).as("no report with a refusal").isNull();
        if (!t.soap()) {
            assertThat(again.body()).isEqualTo("POLLRATEEXCEEDED");
        }
        report(t, GetReportResult.OK, admin, a.techGroupId(), "NODE", null);
        server.accounts().accounts().setUserStatus(a.adminUserId(), UserStatus.DISABLED);
        report(t, GetReportResult.USER_DELETED_OR_DISABLED, admin, a.techGroupId(), "NODE", null);
        seen.addAll(EnumSet.of(GetReportResult.NOT_LOGGED_IN, GetReportResult.INVALID_SECRET_AUTH_CODE,
                GetReportResult.INVALID_PARAM_NODE, GetReportResult.OK, GetReportResult.POLL_RATE_EXCEEDED,
                GetReportResult.USER_DELETED_OR_DISABLED));
        seen.add(GetReportResult.ERROR); // a fault's answer: ApiExceptionMapperTest
        assertThat(seen).isEqualTo(EnumSet.allOf(GetReportResult.class));
    }
}
