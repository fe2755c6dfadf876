package io.sessiongate.server.soap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The Rescue API over SOAP 1.1 and 1.2, with raw envelopes as any SOAP stack sends them. */
class RescueSoapTest {

    private static final String NS = "https://secure.logmeinrescue.com/API/API.asmx";

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(2);

    enum Version {
        V11("text/xml; charset=utf-8", "http://schemas.xmlsoap.org/soap/envelope/"),
        V12("application/soap+xml", "http://www.w3.org/2003/05/soap-envelope");

        final String contentType;
        final String ns;

        Version(String contentType, String ns) {
            this.contentType = contentType;
            this.ns = ns;
        }
    }

    private Response soap(Version v, String cookie, String operation, String parameters) {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + v.ns + "\">"
                + "<soap:Body><" + operation + " xmlns=\"" + NS + "\">" + parameters + "</" + operation + ">"
                + "</soap:Body></soap:Envelope>";
        var spec = given().baseUri(server.baseUri().toString()).contentType(v.contentType).body(envelope);
        if (v == Version.V11) {
            spec.header("SOAPAction", "\"" + NS + "/" + operation + "\"");
        }
        if (cookie != null) {
            spec.cookie(RescueCalls.COOKIE, cookie);
        }
        return spec.post("/API/API.asmx");
    }

    private static String value(Response r, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(r.asString());
        return m.find() ? m.group(1) : null;
    }

    private String transfer(Version v, String cookie, Object session, Object node, String ref, String authCode) {
        Response r = soap(v, cookie, "transferSession", "<iSessionID>" + session + "</iSessionID><iNodeID>" + node
                + "</iNodeID><eNodeRef>" + ref + "</eNodeRef><sComment>by soap</sComment>"
                + (authCode == null ? "" : "<sAuthCode>" + authCode + "</sAuthCode>"));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return value(r, "transferSessionResult");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void loginSetsTheSameCookieAndEveryTransferResultIsReached(Version v) {
        Response login = soap(v, null, "login", "<sEmail>" + account.adminEmail() + "</sEmail><sPassword>"
                + TestAccounts.ADMIN_PASSWORD + "</sPassword>");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.contentType()).startsWith(v == Version.V11 ? "text/xml" : "application/soap+xml");
        assertThat(value(login, "loginResult")).isEqualTo("login_OK");
        String cookie = login.getCookie(RescueCalls.COOKIE);
        assertThat(cookie).isNotBlank();
        // the SOAP login's cookie works on the .aspx methods too: one system
        assertThat(RescueCalls.get("getSession_v3.aspx", cookie, "node", account.channelId(), "noderef", "CHANNEL")
                .asString()).startsWith("OK\n");

        Long session = account.sessionIds().get(v.ordinal());
        EnumSet<TransferSessionResult> seen = EnumSet.noneOf(TransferSessionResult.class);
        record Case(TransferSessionResult expected, String actual) {
        }
        String code = value(soap(v, null, "requestAuthCode", "<sEmail>" + account.adminEmail() + "</sEmail>"
                + "<sPassword>" + TestAccounts.ADMIN_PASSWORD + "</sPassword>"), "sAuthCode");
        for (Case c : new Case[] {
                new Case(TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN,
                        transfer(v, null, session, account.onlineTechNodeId(), "NODE", null)),
                new Case(TransferSessionResult.INVALID_SECRET_AUTH_CODE,
                        transfer(v, cookie, session, account.onlineTechNodeId(), "NODE", "nosuchcode")),
                new Case(TransferSessionResult.INVALID_PARAM_NODE,
                        transfer(v, cookie, session, account.channelId(), "NODE", null)),
                new Case(TransferSessionResult.ERROR,
                        transfer(v, cookie, DemoData.OTHER_SESSION, account.onlineTechNodeId(), "NODE", null)),
                new Case(TransferSessionResult.ACTION_FAILED,
                        transfer(v, cookie, session, account.offlineTechNodeId(), "NODE", null)),
                new Case(TransferSessionResult.OK,
                        transfer(v, cookie, session, account.onlineTechNodeId(), "NODE", null)),
                new Case(TransferSessionResult.OK,
                        transfer(v, null, session, account.channelId(), "CHANNEL", code))}) {
            assertThat(c.actual()).isEqualTo(c.expected().soapValue());
            seen.add(c.expected());
        }
        server.accounts().accounts().setUserStatus(account.adminUserId(), UserStatus.DISABLED);
        assertThat(transfer(v, cookie, session, account.onlineTechNodeId(), "NODE", null))
                .isEqualTo(TransferSessionResult.USER_DELETED_OR_DISABLED.soapValue());
        seen.add(TransferSessionResult.USER_DELETED_OR_DISABLED);
        assertThat(seen).isEqualTo(EnumSet.allOf(TransferSessionResult.class));
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void getSessionListsSessionRecordsAndLogoutEndsTheLogin(Version v) {
        String cookie = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Response r = soap(v, cookie, "getSession_V3", "<iNodeID>" + account.channelId() + "</iNodeID>"
                + "<eNodeRef>CHANNEL</eNodeRef>");
        assertThat(value(r, "getSession_V3Result")).isEqualTo("getSession_OK");
        assertThat(r.asString()).contains("<iID>" + account.sessionIds().get(0) + "</iID>",
                "<bStatus>SESSION_WAITING</bStatus>", "<sStatus>Waiting</sStatus>",
                "<iEntry>" + account.channelId() + "</iEntry>", "<sEntry>Channel</sEntry>");
        assertThat(value(soap(v, cookie, "logout", ""), "logoutResult")).isEqualTo("logout_OK");
        assertThat(value(soap(v, cookie, "logout", ""), "logoutResult")).isEqualTo("logout_NotLoggedIn");
        assertThat(value(soap(v, cookie, "getSession_V3", "<iNodeID>1</iNodeID>"), "getSession_V3Result"))
                .isEqualTo("getSession_NotLoggedIn");
        assertThat(value(soap(v, null, "requestAuthCode", "<sEmail>x@y.example</sEmail><sPassword>p</sPassword>"),
                "requestAuthCodeResult")).isEqualTo("requestAuthCode_Invalid");
        assertThat(value(soap(v, null, "login", "<sEmail>x@y.example</sEmail><sPassword>p</sPassword>"),
                "loginResult")).isEqualTo("login_Invalid");
    }

    @Test
    void badInputIsAFaultNamingTheProblem() {
        String cookie = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Response unknownRef = soap(Version.V11, cookie, "transferSession",
                "<iSessionID>1</iSessionID><iNodeID>2</iNodeID><eNodeRef>GROUP</eNodeRef>");
        assertThat(unknownRef.statusCode()).isEqualTo(500);
        assertThat(value(unknownRef, "faultcode")).isEqualTo("soap:Client");
        assertThat(value(unknownRef, "faultstring")).contains("GROUP");
        Response missingInt = soap(Version.V12, cookie, "transferSession",
                "<iNodeID>2</iNodeID><eNodeRef>NODE</eNodeRef>");
        assertThat(missingInt.statusCode()).isEqualTo(400);
        assertThat(value(missingInt, "soap:Value")).isEqualTo("soap:Sender");
        assertThat(missingInt.asString()).contains("iSessionID");
        Response notAnInt = soap(Version.V11, cookie, "transferSession",
                "<iSessionID>abc</iSessionID><iNodeID>2</iNodeID><eNodeRef>NODE</eNodeRef>");
        assertThat(value(notAnInt, "faultstring")).contains("abc");
        Response unknownOp = soap(Version.V11, cookie, "deleteEverything", "");
        assertThat(value(unknownOp, "faultcode")).isEqualTo("soap:Client");
        for (String junk : new String[] {"<not-closed", "", "<a/>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"}) {
            Response r = given().baseUri(server.baseUri().toString()).contentType("text/xml").body(junk)
                    .post("/API/API.asmx");
            assertThat(r.statusCode()).as(junk).isEqualTo(500);
            assertThat(r.asString()).as(junk).contains("<faultcode>soap:Client</faultcode>")
                    .doesNotContain("Exception").doesNotContain("root:");
        }
    }

    @Test
    void theLoginCookieIsHttpOnlyAndSecureBehindAnHttpsProxyAsOverHttp() {
        String envelope = "<soap:Envelope xmlns:soap=\"" + Version.V11.ns + "\"><soap:Body><login xmlns=\"" + NS
                + "\"><sEmail>" + account.adminEmail() + "</sEmail><sPassword>" + TestAccounts.ADMIN_PASSWORD
                + "</sPassword></login></soap:Body></soap:Envelope>";
        String plain = given().baseUri(server.baseUri().toString()).contentType(Version.V11.contentType)
                .body(envelope).post("/API/API.asmx").header("Set-Cookie");
        assertThat(plain).startsWith(RescueCalls.COOKIE + "=").contains("HttpOnly").doesNotContain("Secure");
        String proxied = given().baseUri(server.baseUri().toString()).contentType(Version.V11.contentType)
                .header("X-Forwarded-Proto", "https").body(envelope).post("/API/API.asmx").header("Set-Cookie");
        assertThat(proxied).contains("HttpOnly").endsWith("; Secure");
        String aspx = given().baseUri(server.baseUri().toString()).header("X-Forwarded-Proto", "https")
                .get("/API/login.aspx?email=" + account.adminEmail() + "&pwd=" + TestAccounts.ADMIN_PASSWORD)
                .header("Set-Cookie");
        assertThat(aspx).contains("HttpOnly").endsWith("; Secure");
    }

    @Test
    void aSoap12EnvelopeSentAsSoap11IsAVersionMismatchFault() {
        String envelope = "<soap:Envelope xmlns:soap=\"" + Version.V12.ns + "\"><soap:Body><logout xmlns=\"" + NS
                + "\"/></soap:Body></soap:Envelope>";
        Response r = given().baseUri(server.baseUri().toString()).contentType("text/xml; charset=utf-8")
                .body(envelope).post("/api/api.asmx");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(value(r, "faultcode")).isEqualTo("soap:VersionMismatch");
    }

    @Test
    void theWsdlPointsAtTheServerItCameFrom() {
        String direct = given().baseUri(server.baseUri().toString()).get("/API/API.asmx?wsdl").then()
                .statusCode(200).contentType("text/xml").extract().asString();
        assertThat(direct).contains("<soap:address location=\"" + server.baseUri() + "API/API.asmx\"/>",
                "<soap12:address location=\"" + server.baseUri() + "API/API.asmx\"/>",
                "targetNamespace=\"" + NS + "\"", "name=\"loginRet\"", "name=\"transferSessionRet\"",
                "name=\"NODE_REF\"", "name=\"SESSION_V3\"");
        String proxied = given().baseUri(server.baseUri().toString()).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "rescue.example.com").get("/api/api.asmx?WSDL").asString();
        assertThat(proxied).contains("location=\"https://rescue.example.com/API/API.asmx\"");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void requestPinCodeV3TakesDeskprosOrderAndTheLifecycleMethodsAnswerTheirSoapValues(Version v) {
        String code = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        // Deskpro's createNewSessionService sends sAuthCode, nodeId, sCField0, sCField1 in that order.
        Response pin = soap(v, null, "requestPINCodeV3", "<sAuthCode>" + code + "</sAuthCode><nodeId>"
                + account.onlineTechNodeId() + "</nodeId><sCField0>Ann</sCField0><sCField1>Printer</sCField1>");
        assertThat(pin.statusCode()).as(pin.asString()).isEqualTo(200);
        assertThat(value(pin, "requestPINCodeV3Result")).isEqualTo("requestPINCode_OK");
        assertThat(value(pin, "sPINCode")).matches("[0-9]{6}");
        String session = "<iSession>" + account.sessionIds().get(1) + "</iSession><sAuthCode>" + code + "</sAuthCode>";
        assertThat(value(soap(v, null, "holdSession", session), "holdSessionResult"))
                .isEqualTo("holdSessionRet_ActionFailed");
        assertThat(value(soap(v, null, "startSession", "<iSession>" + account.sessionIds().get(1) + "</iSession><iNode>"
                + account.onlineTechNodeId() + "</iNode><sAuthCode>" + code + "</sAuthCode>"), "startSessionResult"))
                .isEqualTo("startSessionRet_OK");
        assertThat(value(soap(v, null, "holdSession", session), "holdSessionResult")).isEqualTo("holdSessionRet_OK");
        Response listed = soap(v, null, "getSession_V3", "<iNodeID>" + account.onlineTechNodeId()
                + "</iNodeID><eNodeRef>NODE</eNodeRef><sAuthCode>" + code + "</sAuthCode>");
        assertThat(listed.asString()).contains("<bStatus>SESSION_ONHOLD</bStatus><sStatus>On Hold</sStatus>");
        assertThat(value(soap(v, null, "cancelAction", session), "cancelActionResult"))
                .isEqualTo("cancelActionRet_ActionFailed");
        assertThat(value(soap(v, null, "closeSession", session), "closeSessionResult")).isEqualTo("closeSessionRet_OK");
        Response broken = soap(v, null, "closeSession", "<iSession>five</iSession>");
        assertThat(broken.statusCode()).isEqualTo(v == Version.V11 ? 500 : 400);
        assertThat(broken.asString()).contains("five");
    }
}
