package io.sessiongate.server.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.WSBinding;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.soap.jaxws.API;
import io.sessiongate.server.soap.jaxws.APISoap;
import io.sessiongate.server.soap.jaxws.ArrayOfHIERARCHY;
import io.sessiongate.server.soap.jaxws.ArrayOfSESSIONV3;
import io.sessiongate.server.soap.jaxws.AssignChannelRet;
import io.sessiongate.server.soap.jaxws.CreateGroupRet;
import io.sessiongate.server.soap.jaxws.CreateUserRet;
import io.sessiongate.server.soap.jaxws.DeleteNodeRet;
import io.sessiongate.server.soap.jaxws.GROUP;
import io.sessiongate.server.soap.jaxws.GetAccountRet;
import io.sessiongate.server.soap.jaxws.GetGroupRet;
import io.sessiongate.server.soap.jaxws.GetHierarchyRet;
import io.sessiongate.server.soap.jaxws.GetUserRet;
import io.sessiongate.server.soap.jaxws.HIERARCHY;
import io.sessiongate.server.soap.jaxws.MoveNodeRet;
import io.sessiongate.server.soap.jaxws.NODEPRESENCE;
import io.sessiongate.server.soap.jaxws.NODESTATUS;
import io.sessiongate.server.soap.jaxws.NODETYPE;
import io.sessiongate.server.soap.jaxws.SetGroupRet;
import io.sessiongate.server.soap.jaxws.SetUserRet;
import io.sessiongate.server.soap.jaxws.SetUserStatusRet;
import io.sessiongate.server.soap.jaxws.USER;
import io.sessiongate.server.soap.jaxws.USERSTATUS;
import io.sessiongate.server.soap.jaxws.UnassignChannelRet;
import io.sessiongate.server.soap.jaxws.CancelActionRet;
import io.sessiongate.server.soap.jaxws.CloseSessionRet;
import io.sessiongate.server.soap.jaxws.GetReportRet;
import io.sessiongate.server.soap.jaxws.GetSessionRet;
import io.sessiongate.server.soap.jaxws.HoldSessionRet;
import io.sessiongate.server.soap.jaxws.LoginRet;
import io.sessiongate.server.soap.jaxws.LogoutRet;
import io.sessiongate.server.soap.jaxws.NODEREF;
import io.sessiongate.server.soap.jaxws.OUTPUT;
import io.sessiongate.server.soap.jaxws.RequestAuthCodeRet;
import io.sessiongate.server.soap.jaxws.RequestPINCodeRet;
import io.sessiongate.server.soap.jaxws.RequestPINCodeV3;
import io.sessiongate.server.soap.jaxws.RequestPINCodeV3Response;
import io.sessiongate.server.soap.jaxws.SESSIONSTATUS;
import io.sessiongate.server.soap.jaxws.SESSIONV3;
import io.sessiongate.server.soap.jaxws.SetDelimiterRet;
import io.sessiongate.server.soap.jaxws.SetOutputRet;
import io.sessiongate.server.soap.jaxws.SetReportAreaRet;
import io.sessiongate.server.soap.jaxws.SetReportDateRet;
import io.sessiongate.server.soap.jaxws.SetReportTimeRet;
import io.sessiongate.server.soap.jaxws.SetTimezoneRet;
import io.sessiongate.server.soap.jaxws.StartSessionRet;
import io.sessiongate.server.soap.jaxws.TransferSessionRet;
import io.sessiongate.server.testing.TestServer;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Rescue API through a JAX-WS (Metro) client that {@code wsimport} generated at build time from
 * {@code rescue.wsdl}, the file the server serves. The client loads the WSDL from the running server,
 * so its endpoint address is the one the served WSDL names, and it keeps the login cookie itself.
 */
class RescueJaxWsClientTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(2);

    /** The two ports of the served WSDL, one per SOAP version. */
    enum Port {
        SOAP11(API::getAPISoap, SOAPVersion.SOAP_11),
        SOAP12(API::getAPISoap12, SOAPVersion.SOAP_12);

        final Function<API, APISoap> select;
        final SOAPVersion version;

        Port(Function<API, APISoap> select, SOAPVersion version) {
            this.select = select;
            this.version = version;
        }
    }

    private URL wsdl() {
        try {
            return server.baseUri().resolve("API/API.asmx?wsdl").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new client, as a caller's program makes one: its own cookie, the address from the served WSDL. */
    private APISoap client(Port port) {
        APISoap soap = port.select.apply(new API(wsdl()));
        BindingProvider provider = (BindingProvider) soap;
        provider.getRequestContext().put(BindingProvider.SESSION_MAINTAIN_PROPERTY, true);
        assertThat(((WSBinding) provider.getBinding()).getSOAPVersion()).isEqualTo(port.version);
        return soap;
    }

    private String authCode(APISoap soap, String email, String password, RequestAuthCodeRet expected) {
        Holder<RequestAuthCodeRet> result = new Holder<>();
        Holder<String> code = new Holder<>();
        soap.requestAuthCode(email, password, result, code);
        assertThat(result.value).isEqualTo(expected);
        return code.value;
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void loginThenEveryTransferResultThroughTheGeneratedClient(Port port) {
        APISoap admin = client(port);
        assertThat(admin.login(account.adminEmail(), "wrong password")).isEqualTo(LoginRet.LOGIN_INVALID);
        assertThat(admin.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginRet.LOGIN_OK);
        String code = authCode(client(port), account.adminEmail(), TestAccounts.ADMIN_PASSWORD,
                RequestAuthCodeRet.REQUEST_AUTH_CODE_OK);
        assertThat(code).matches("[a-z0-9]{64,}");
        assertThat(authCode(client(port), account.adminEmail(), "wrong", RequestAuthCodeRet.REQUEST_AUTH_CODE_INVALID))
                .isNull();

        int session = Math.toIntExact(account.sessionIds().get(0));
        int tech = Math.toIntExact(account.onlineTechNodeId());
        int channel = Math.toIntExact(account.channelId());
        EnumSet<TransferSessionRet> seen = EnumSet.noneOf(TransferSessionRet.class);
        record Case(TransferSessionRet expected, TransferSessionRet actual) {
        }
        for (Case c : List.of(
                new Case(TransferSessionRet.TRANSFER_SESSION_RET_NOT_LOGGED_IN_AS_ADMIN,
                        client(port).transferSession(session, tech, NODEREF.NODE, "", null)),
                new Case(TransferSessionRet.TRANSFER_SESSION_RET_INVALID_SECRET_AUTH_CODE,
                        admin.transferSession(session, tech, NODEREF.NODE, "", "nosuchcode")),
                new Case(TransferSessionRet.TRANSFER_SESSION_RET_INVALID_PARAM_NODE,
                        admin.transferSession(session, channel, NODEREF.NODE, "", null)),
                new Case(TransferSessionRet.TRANSFER_SESSION_RET_ERROR,
                        admin.transferSession((int) DemoData.OTHER_SESSION, tech, NODEREF.NODE, "", null)),
                new Case(TransferSessionRet.TRANSFER_SESSION_RET_ACTION_FAILED, admin.transferSession(session,
                        Math.toIntExact(account.offlineTechNodeId()), NODEREF.NODE, "", null)),
                new Case(TransferSessionRet.TRANSFER_SESSION_RET_OK,
                        admin.transferSession(session, tech, NODEREF.NODE, "from JAX-WS", null)),
                new Case(TransferSessionRet.TRANSFER_SESSION_RET_OK,
                        client(port).transferSession(session, channel, NODEREF.CHANNEL, "", code)))) {
            assertThat(c.actual()).isEqualTo(c.expected());
            seen.add(c.actual());
        }
        server.accounts().accounts().setUserStatus(account.adminUserId(), UserStatus.DISABLED);
        seen.add(admin.transferSession(session, tech, NODEREF.NODE, "", null));
        assertThat(seen).isEqualTo(EnumSet.allOf(TransferSessionRet.class));
        for (int i = 0; i < 10; i++) {
            admin.login(account.onlineTechEmail(), "wrong password");
        }
        assertThat(admin.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD))
                .isEqualTo(LoginRet.LOGIN_LIMIT_REACHED);
        // One limit for every way of trying a password: requestAuthCode waits too, with the vendor's code.
        assertThat(authCode(client(port), account.onlineTechEmail(), TestAccounts.TECH_PASSWORD,
                RequestAuthCodeRet.REQUEST_AUTH_CODE_POLL_RATE_EXCEEDED)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void getSessionV3ReturnsTypedRecordsAndLogoutEndsTheLogin(Port port) {
        APISoap admin = client(port);
        assertThat(admin.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginRet.LOGIN_OK);
        Holder<GetSessionRet> result = new Holder<>();
        Holder<ArrayOfSESSIONV3> sessions = new Holder<>();
        admin.getSessionV3(Math.toIntExact(account.channelId()), NODEREF.CHANNEL, null, result, sessions);
        assertThat(result.value).isEqualTo(GetSessionRet.GET_SESSION_OK);
        List<SESSIONV3> rows = sessions.value.getSESSIONV3();
        Set<Long> ids = rows.stream().map(r -> (long) r.getIID()).collect(Collectors.toSet());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(account.sessionIds());
        SESSIONV3 first = rows.get(0);
        assertThat(first.getBStatus()).isEqualTo(SESSIONSTATUS.SESSION_WAITING);
        assertThat(first.getSStatus()).isEqualTo("Waiting");
        assertThat((long) first.getIEntry()).isEqualTo(account.channelId());
        assertThat(first.getSEntry()).isEqualTo("Channel");
        assertThat(first.getSStartTime()).isNotBlank();

        admin.getSessionV3(Math.toIntExact(account.onlineTechNodeId()), NODEREF.CHANNEL, null, result, sessions);
        assertThat(result.value).isEqualTo(GetSessionRet.GET_SESSION_INVALID_PARAM_NODE_ID);
        assertThat(admin.logout()).isEqualTo(LogoutRet.LOGOUT_OK);
        assertThat(admin.logout()).isEqualTo(LogoutRet.LOGOUT_NOT_LOGGED_IN);
        admin.getSessionV3(Math.toIntExact(account.channelId()), NODEREF.CHANNEL, null, result, sessions);
        assertThat(result.value).isEqualTo(GetSessionRet.GET_SESSION_NOT_LOGGED_IN);
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void aSessionFromPinCodeToCloseThroughTheGeneratedClient(Port port) {
        APISoap tech = client(port);
        assertThat(tech.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD)).isEqualTo(LoginRet.LOGIN_OK);
        Holder<RequestPINCodeRet> result = new Holder<>();
        Holder<Integer> pin = new Holder<>();
        tech.requestPINCode("Ann", null, null, null, null, null, "T-9", false, null, result, pin);
        assertThat(result.value).isEqualTo(RequestPINCodeRet.REQUEST_PIN_CODE_OK);
        assertThat(pin.value).isBetween(0, 999_999);
        tech.requestPINCode("Ann", null, null, null, null, null, null, null, null, result, pin);
        assertThat(result.value).isEqualTo(RequestPINCodeRet.REQUEST_PIN_CODE_POLL_RATE_EXCEEDED);
        assertThat(pin.value).isNull();

        APISoap admin = client(port);
        assertThat(admin.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginRet.LOGIN_OK);
        RequestPINCodeV3 forTech = new RequestPINCodeV3();
        forTech.setNodeId(Math.toIntExact(account.onlineTechNodeId()));
        forTech.setSCField0("Bob");
        RequestPINCodeV3Response v3 = admin.requestPINCodeV3(forTech);
        assertThat(v3.getRequestPINCodeV3Result()).isEqualTo(RequestPINCodeRet.REQUEST_PIN_CODE_OK);
        assertThat(v3.getSPINCode()).matches("[0-9]{6}");

        int session = Math.toIntExact(account.sessionIds().get(1));
        int node = Math.toIntExact(account.onlineTechNodeId());
        assertThat(tech.startSession(session, node, null)).isEqualTo(StartSessionRet.START_SESSION_RET_NOT_LOGGED_IN_AS_ADMIN);
        assertThat(admin.startSession(session, Math.toIntExact(account.channelId()), null))
                .isEqualTo(StartSessionRet.START_SESSION_RET_INVALID_PARAM_NODE);
        assertThat(admin.startSession(session, node, null)).isEqualTo(StartSessionRet.START_SESSION_RET_OK);
        assertThat(admin.holdSession(session, null)).isEqualTo(HoldSessionRet.HOLD_SESSION_RET_OK);
        assertThat(admin.holdSession(session, null)).isEqualTo(HoldSessionRet.HOLD_SESSION_RET_ACTION_FAILED);
        Holder<GetSessionRet> listed = new Holder<>();
        Holder<ArrayOfSESSIONV3> sessions = new Holder<>();
        admin.getSessionV3(node, NODEREF.NODE, null, listed, sessions);
        SESSIONV3 row = sessions.value.getSESSIONV3().stream().filter(r -> r.getIID() == session).findFirst()
                .orElseThrow();
        assertThat(row.getBStatus()).isEqualTo(SESSIONSTATUS.SESSION_ONHOLD);
        assertThat(row.getSStatus()).isEqualTo("On Hold");
        assertThat(admin.cancelAction(session, null)).isEqualTo(CancelActionRet.CANCEL_ACTION_RET_ACTION_FAILED);
        assertThat(admin.closeSession(session, null)).isEqualTo(CloseSessionRet.CLOSE_SESSION_RET_OK);
        assertThat(admin.closeSession(session, null)).isEqualTo(CloseSessionRet.CLOSE_SESSION_RET_ACTION_FAILED);
        admin.getSessionV3(node, NODEREF.NODE, null, listed, sessions);
        row = sessions.value.getSESSIONV3().stream().filter(r -> r.getIID() == session).findFirst().orElseThrow();
        assertThat(row.getBStatus()).isEqualTo(SESSIONSTATUS.SESSION_CLOSED_BYTECHNICIAN);
        assertThat(row.getSStatus()).isEqualTo("Closed by technician");
    }

    /**
     * The administration methods as the PowerShell module calls them through its generated proxy (createUser with
     * the parent only, then setUser_v2 with its thirteen positional arguments; moveNode's target first;
     * setUserStatus_v7_1 answering a bare OK), and the typed records of getHierarchy_v2, getUser_v2, getGroup_v2.
     */
    @ParameterizedTest
    @EnumSource(Port.class)
    void theAdministrationMethodsThroughTheGeneratedClient(Port port) {
        APISoap admin = client(port);
        assertThat(admin.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginRet.LOGIN_OK);
        String code = authCode(client(port), account.adminEmail(), TestAccounts.ADMIN_PASSWORD,
                RequestAuthCodeRet.REQUEST_AUTH_CODE_OK);
        APISoap byCode = client(port);
        int group = Math.toIntExact(account.techGroupId());

        Holder<GetAccountRet> accountResult = new Holder<>();
        Holder<Integer> accountId = new Holder<>();
        Holder<String> organization = new Holder<>();
        Holder<Integer> adminId = new Holder<>();
        Holder<Integer> techId = new Holder<>();
        Holder<String> email = new Holder<>();
        byCode.getAccount(code, accountResult, accountId, organization, adminId, techId, email);
        assertThat(accountResult.value).isEqualTo(GetAccountRet.GET_ACCOUNT_OK);
        assertThat(List.of(accountId.value, adminId.value, techId.value)).containsExactly(
                Math.toIntExact(account.accountId()), Math.toIntExact(account.adminNodeId()), 0);
        assertThat(email.value).isEqualTo(account.adminEmail());

        Holder<CreateUserRet> created = new Holder<>();
        Holder<Integer> newNode = new Holder<>();
        byCode.createUser(group, code, created, newNode);
        assertThat(created.value).isEqualTo(CreateUserRet.CREATE_USER_OK);
        int user = newNode.value;
        String newEmail = "ps-" + port.name().toLowerCase(java.util.Locale.ROOT) + "@" + account.siteKey() + ".example";
        assertThat(byCode.setUserV2(user, "Pat Shell", "pat", newEmail, null, "pat's password", "pat's password",
                null, USERSTATUS.ENABLED, "made by a script", "False", false, code)).isEqualTo(SetUserRet.SET_USER_OK);
        assertThat(byCode.setUserV2(user, "Pat Shell", null, "not an email", null, null, null, null, null, null, null,
                null, code)).isEqualTo(SetUserRet.SET_USER_INVALID_PARAM_EMAIL);
        assertThat(client(port).login(newEmail, "pat's password")).isEqualTo(LoginRet.LOGIN_OK);

        Holder<GetUserRet> userResult = new Holder<>();
        Holder<USER> found = new Holder<>();
        admin.getUserV2(user, null, userResult, found);
        assertThat(userResult.value).isEqualTo(GetUserRet.GET_USER_OK);
        assertThat(List.of(found.value.getSName(), found.value.getSNick(), found.value.getSEmail(),
                found.value.getSDescription())).containsExactly("Pat Shell", "pat", newEmail, "made by a script");
        assertThat(found.value.getEType()).isEqualTo(NODETYPE.TECHNICIAN);
        assertThat(found.value.getEStatus()).isEqualTo(NODEPRESENCE.OFFLINE);

        Holder<CreateGroupRet> groupMade = new Holder<>();
        admin.createGroup(group, "Scripts", NODESTATUS.ENABLED, null, null, groupMade, newNode);
        assertThat(groupMade.value).isEqualTo(CreateGroupRet.CREATE_GROUP_OK);
        int sub = newNode.value;
        assertThat(admin.setGroup(sub, "Scripted", NODESTATUS.DISABLED, "by JAX-WS", null))
                .isEqualTo(SetGroupRet.SET_GROUP_OK);
        Holder<GetGroupRet> groupResult = new Holder<>();
        Holder<GROUP> groupFound = new Holder<>();
        admin.getGroupV2(sub, null, groupResult, groupFound);
        assertThat(groupResult.value).isEqualTo(GetGroupRet.GET_GROUP_OK);
        assertThat(List.of(groupFound.value.getSName(), groupFound.value.getSDescription()))
                .containsExactly("Scripted", "by JAX-WS");
        assertThat(groupFound.value.isBIsEnabled()).isFalse();
        assertThat(groupFound.value.getIParentID()).isEqualTo(group);

        assertThat(byCode.moveNode(sub, user, code)).isEqualTo(MoveNodeRet.MOVE_NODE_OK);
        assertThat(byCode.moveNode(Math.toIntExact(account.adminGroupId()), user, code))
                .isEqualTo(MoveNodeRet.MOVE_NODE_INVALID_PARAM_TARGET_NODE);
        int channel = Math.toIntExact(account.channelId());
        assertThat(admin.assignChannel(sub, channel, null)).isEqualTo(AssignChannelRet.ASSIGN_CHANNEL_OK);
        assertThat(admin.assignChannel(user, channel, null)).isEqualTo(AssignChannelRet.ASSIGN_CHANNEL_INVALID_ASSIGN);
        assertThat(admin.unassignChannel(sub, channel, null)).isEqualTo(UnassignChannelRet.UNASSIGN_CHANNEL_OK);
        assertThat(admin.unassignChannel(sub, channel, null))
                .isEqualTo(UnassignChannelRet.UNASSIGN_CHANNEL_INVALID_DEASSIGN);

        Holder<GetHierarchyRet> hierarchyResult = new Holder<>();
        Holder<ArrayOfHIERARCHY> nodes = new Holder<>();
        admin.getHierarchyV2(true, group, false, null, hierarchyResult, nodes);
        assertThat(hierarchyResult.value).isEqualTo(GetHierarchyRet.GET_HIERARCHY_OK);
        List<HIERARCHY> tree = nodes.value.getHIERARCHY();
        assertThat(tree.get(0).getINodeID()).isEqualTo(group);
        assertThat(tree.get(0).getEType()).isEqualTo(NODETYPE.TECHNICIAN_GROUP);
        HIERARCHY pat = tree.stream().filter(n -> n.getINodeID() == user).findFirst().orElseThrow();
        assertThat(pat.getIParentID()).isEqualTo(sub);
        assertThat(pat.getSEmail()).isEqualTo(newEmail);
        HIERARCHY online = tree.stream().filter(n -> n.getINodeID() == account.onlineTechNodeId()).findFirst()
                .orElseThrow();
        assertThat(online.getEStatus()).isEqualTo(NODEPRESENCE.ONLINE);
        admin.getHierarchyV2(true, group, true, null, hierarchyResult, nodes);
        assertThat(nodes.value.getHIERARCHY()).extracting(HIERARCHY::getINodeID).doesNotContain(user);
        admin.getHierarchyV2(true, Math.toIntExact(account.adminGroupId()), null, null, hierarchyResult, nodes);
        assertThat(hierarchyResult.value).isEqualTo(GetHierarchyRet.GET_HIERARCHY_INVALID_PARAM_NODE_ID);

        assertThat(byCode.setUserStatusV71(user, "Disabled", code)).isEqualTo("OK");
        assertThat(admin.setUserStatus(user, USERSTATUS.ENABLED, null)).isEqualTo(SetUserStatusRet.SET_USER_STATUS_OK);
        assertThat(admin.deleteNode(sub, null)).as("Pat is in it").isEqualTo(DeleteNodeRet.DELETE_NODE_INVALID_DELETE);
        assertThat(admin.deleteNode(user, null)).isEqualTo(DeleteNodeRet.DELETE_NODE_OK);
        assertThat(admin.deleteNode(sub, null)).isEqualTo(DeleteNodeRet.DELETE_NODE_OK);
        assertThat(admin.deleteNode(Math.toIntExact(account.adminNodeId()), null))
                .as("an administrator cannot delete himself").isEqualTo(DeleteNodeRet.DELETE_NODE_INVALID_DELETE);
        assertThat(client(port).deleteNode(sub, null)).isEqualTo(DeleteNodeRet.DELETE_NODE_NOT_LOGGED_IN);
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void reportSettersAndGetReportThroughTheGeneratedClient(Port port) throws Exception {
        APISoap admin = client(port);
        assertThat(getReportV2Result(admin, 1)).isEqualTo(GetReportRet.GET_REPORT_NOT_LOGGED_IN);
        assertThat(admin.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginRet.LOGIN_OK);
        assertThat(admin.setReportAreaV8("TRANSFERRED_SESSIONS", null)).isEqualTo(SetReportAreaRet.SET_REPORT_AREA_OK);
        assertThat(admin.setReportAreaV8("8", null)).isEqualTo(SetReportAreaRet.SET_REPORT_AREA_INVALID_PARAM_AREA);
        assertThat(admin.setReportAreaV8("0", null)).isEqualTo(SetReportAreaRet.SET_REPORT_AREA_OK);
        var dates = javax.xml.datatype.DatatypeFactory.newInstance();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(admin.setReportDateV2(dates.newXMLGregorianCalendar(today.plusDays(1) + "T00:00:00"),
                dates.newXMLGregorianCalendar(today + "T00:00:00"), null))
                .isEqualTo(SetReportDateRet.SET_REPORT_DATE_INVALID_DATE_RANGE);
        assertThat(admin.setReportDateV2(dates.newXMLGregorianCalendar(today + "T00:00:00"),
                dates.newXMLGregorianCalendar(today + "T23:59:59"), null)).isEqualTo(SetReportDateRet.SET_REPORT_DATE_OK);
        assertThat(admin.setReportTime("0:00", "23:59:59", null)).isEqualTo(SetReportTimeRet.SET_REPORT_TIME_OK);
        assertThat(admin.setReportTime("noon", "23:59:59", null))
                .isEqualTo(SetReportTimeRet.SET_REPORT_TIME_INVALID_FORMAT);
        assertThat(admin.setTimezone("0", null)).isEqualTo(SetTimezoneRet.SET_TIMEZONE_OK);
        assertThat(admin.setTimezone("+25:00", null)).isEqualTo(SetTimezoneRet.SET_TIMEZONE_INVALID_FORMAT);
        assertThat(admin.setDelimiter(",", null)).isEqualTo(SetDelimiterRet.SET_DELIMITER_OK);
        assertThat(admin.setDelimiter("", null)).isEqualTo(SetDelimiterRet.SET_DELIMITER_INVALID_FORMAT);
        assertThat(admin.setOutput(OUTPUT.TEXT, null)).isEqualTo(SetOutputRet.SET_OUTPUT_OK);
        Holder<GetReportRet> result = new Holder<>();
        Holder<String> report = new Holder<>();
        admin.getReportV2(Math.toIntExact(account.channelId()), NODEREF.CHANNEL, null, result, report);
        assertThat(result.value).isEqualTo(GetReportRet.GET_REPORT_OK);
        String[] lines = report.value.split("\n");
        assertThat(lines[0]).startsWith("Start Time,End Time,Last Action Time,Technician Name,");
        assertThat(lines).as("the header and the channel's two waiting sessions").hasSize(3);
        admin.getReportV2(Math.toIntExact(account.channelId()), NODEREF.CHANNEL, null, result, report);
        assertThat(result.value).isEqualTo(GetReportRet.GET_REPORT_POLL_RATE_EXCEEDED);
        assertThat(report.value).isNull();
        assertThat(admin.setOutput(OUTPUT.XML, null)).isEqualTo(SetOutputRet.SET_OUTPUT_OK);
        admin.getReportV2(Math.toIntExact(account.techGroupId()), null, null, result, report);
        assertThat(result.value).isEqualTo(GetReportRet.GET_REPORT_OK);
        assertThat(report.value).startsWith("<report><header><field id=\"0\">Start Time</field>")
                .endsWith("</header><data></data></report>");
    }

    /** getReport_v2's code alone, for a call that is refused before any report. */
    private GetReportRet getReportV2Result(APISoap soap, int node) {
        Holder<GetReportRet> result = new Holder<>();
        Holder<String> report = new Holder<>();
        soap.getReportV2(node, NODEREF.NODE, null, result, report);
        assertThat(report.value).isNull();
        return result.value;
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void invalidInputIsASoapFaultTheClientStackUnderstands(Port port) {
        QName portName = port == Port.SOAP11 ? new QName(RescueSoap.NAMESPACE, "APISoap")
                : new QName(RescueSoap.NAMESPACE, "APISoap12");
        Dispatch<Source> dispatch = new API(wsdl()).createDispatch(portName, Source.class, Service.Mode.PAYLOAD);
        dispatch.getRequestContext().put(BindingProvider.SOAPACTION_USE_PROPERTY, true);
        dispatch.getRequestContext().put(BindingProvider.SOAPACTION_URI_PROPERTY,
                RescueSoap.NAMESPACE + "/transferSession");
        String payload = "<transferSession xmlns=\"" + RescueSoap.NAMESPACE + "\"><iSessionID>5001</iSessionID>"
                + "<iNodeID>2001</iNodeID><eNodeRef>GROUP</eNodeRef></transferSession>";
        assertThatThrownBy(() -> dispatch.invoke(new StreamSource(new StringReader(payload))))
                .isInstanceOf(SOAPFaultException.class)
                .satisfies(e -> assertThat(((SOAPFaultException) e).getFault().getFaultString()).contains("GROUP"));
    }
}
