package io.sessiongate.server.rescue;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.sessiongate.api.rescue.AssignChannelResult;
import io.sessiongate.api.rescue.CreateGroupResult;
import io.sessiongate.api.rescue.CreateUserResult;
import io.sessiongate.api.rescue.DeleteNodeResult;
import io.sessiongate.api.rescue.GetAccountResult;
import io.sessiongate.api.rescue.GetGroupResult;
import io.sessiongate.api.rescue.GetHierarchyResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.MoveNodeResult;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.api.rescue.SetGroupResult;
import io.sessiongate.api.rescue.SetUserResult;
import io.sessiongate.api.rescue.SetUserStatusResult;
import io.sessiongate.api.rescue.UnassignChannelResult;
import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.RoleKind;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Calls an administration method the four ways a caller can: {@code .aspx} by GET and by POST, SOAP 1.1 and
 * SOAP 1.2 (a raw envelope, its elements in the WSDL's order), and reads back the code it answered, a SOAP
 * result turned into its {@code .aspx} code, so that one expectation checks all four.
 */
final class AdministrationCalls {

    static final String NS = "https://secure.logmeinrescue.com/API/API.asmx";
    static final String MASTER_PASSWORD = "master-password";
    static final String SECOND_PASSWORD = "second-password";

    /** How a method is called. */
    enum Transport {
        GET, POST, SOAP11, SOAP12;

        boolean soap() {
            return this == SOAP11 || this == SOAP12;
        }
    }

    /** Each method's SOAP operation and elements, in the WSDL's order, by the .aspx names the cases use. */
    private static final Map<String, String[]> SOAP = Map.ofEntries(
            Map.entry("getAccount", new String[] {}),
            Map.entry("getHierarchy", new String[] {}),
            Map.entry("getHierarchy_v2", new String[] {"isnode", "bIsNode", "node", "iNodeID", "filteroffline",
                    "bFilterOffline"}),
            Map.entry("getUser_v2", new String[] {"node", "iNodeID"}),
            Map.entry("getGroup_v2", new String[] {"node", "iNodeID"}),
            Map.entry("createUser", new String[] {"parent", "iParentID"}),
            Map.entry("setUser_v2", new String[] {"node", "iNodeID", "name", "sName", "nick", "sNick", "email", "sEmail",
                    "ssoid", "sSSOID", "pwd", "sPwd", "confpwd", "sConfPwd", "oldpwd", "sCurrentPwd", "status",
                    "eStatus", "description", "sDescription"}),
            Map.entry("setUserStatus", new String[] {"node", "iNodeID", "status", "eStatus"}),
            Map.entry("setUserStatus_v7_1", new String[] {"node", "iNodeID", "status", "eStatus"}),
            Map.entry("createGroup", new String[] {"parent", "iParentID", "name", "sName", "status", "eStatus",
                    "description", "sDescription"}),
            Map.entry("setGroup", new String[] {"node", "iNodeID", "name", "sName", "status", "eStatus", "description",
                    "sDescription"}),
            Map.entry("moveNode", new String[] {"targetnode", "iTargetNodeID", "node", "iNodeID"}),
            Map.entry("deleteNode", new String[] {"node", "iNodeID"}),
            Map.entry("assignChannel", new String[] {"node", "iNodeID", "entry", "iEntryID"}),
            Map.entry("unassignChannel", new String[] {"node", "iNodeID", "entry", "iEntryID"}));

    /** The smallest parameters each method's SOAP request validates with (the WSDL's required elements). */
    static final Map<String, Object[]> MINIMAL = Map.ofEntries(
            Map.entry("getAccount", new Object[] {}),
            Map.entry("getHierarchy", new Object[] {}),
            Map.entry("getHierarchy_v2", new Object[] {}),
            Map.entry("getUser_v2", new Object[] {"node", 1}),
            Map.entry("getGroup_v2", new Object[] {"node", 1}),
            Map.entry("createUser", new Object[] {"parent", 1}),
            Map.entry("setUser_v2", new Object[] {"node", 1}),
            Map.entry("setUserStatus", new Object[] {"node", 1, "status", "Enabled"}),
            Map.entry("createGroup", new Object[] {"parent", 1}),
            Map.entry("setGroup", new Object[] {"node", 1}),
            Map.entry("moveNode", new Object[] {"targetnode", 1, "node", 1}),
            Map.entry("deleteNode", new Object[] {"node", 1}),
            Map.entry("assignChannel", new Object[] {"node", 1, "entry", 1}),
            Map.entry("unassignChannel", new Object[] {"node", 1, "entry", 1}));

    /** A SOAP result value back to its .aspx code. */
    private static final Map<String, String> SOAP_TO_HTTP = new HashMap<>();

    static {
        Stream.of(GetAccountResult.values(), GetHierarchyResult.values(), GetUserResult.values(),
                        GetGroupResult.values(), CreateUserResult.values(), SetUserResult.values(),
                        SetUserStatusResult.values(), CreateGroupResult.values(), SetGroupResult.values(),
                        MoveNodeResult.values(), DeleteNodeResult.values(), AssignChannelResult.values(),
                        UnassignChannelResult.values())
                .flatMap(Arrays::stream).forEach(c -> SOAP_TO_HTTP.put(((RescueCode) c).soapValue(),
                        ((RescueCode) c).httpCode()));
    }

    private AdministrationCalls() {
    }

    /** The code {@code method} answered. */
    static String code(Transport t, String method, String cookie, Object... params) {
        if (!t.soap()) {
            return RescueReply.codeOf(aspx(t, method, cookie, params).then().statusCode(200).extract().asString());
        }
        Response r = soap(t, method, cookie, params);
        if (r.statusCode() != 200) {
            throw new AssertionError(method + " over " + t + " answered " + r.statusCode() + ": " + r.asString());
        }
        String value = value(r.asString(), method + "Result");
        return method.equals("setUserStatus_v7_1") ? value : SOAP_TO_HTTP.getOrDefault(value, "unknown " + value);
    }

    static Response aspx(Transport t, String method, String cookie, Object... params) {
        return t == Transport.GET ? RescueCalls.get(method + ".aspx", cookie, params)
                : RescueCalls.post(method + ".aspx", cookie, params);
    }

    static Response soap(Transport t, String method, String cookie, Object... params) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            if (params[i + 1] != null) {
                given.put(((String) params[i]).toLowerCase(java.util.Locale.ROOT), params[i + 1]);
            }
        }
        String[] order = SOAP.get(method);
        StringBuilder elements = new StringBuilder();
        for (int i = 0; i < order.length; i += 2) {
            Object v = given.remove(order[i]);
            if (v != null) {
                elements.append('<').append(order[i + 1]).append('>').append(escape(v.toString())).append("</")
                        .append(order[i + 1]).append('>');
            }
        }
        Object code = given.remove("authcode");
        if (code != null) {
            elements.append("<sAuthCode>").append(code).append("</sAuthCode>");
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(method + " has no SOAP element for " + given.keySet());
        }
        boolean v11 = t == Transport.SOAP11;
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\""
                + (v11 ? "http://schemas.xmlsoap.org/soap/envelope/" : "http://www.w3.org/2003/05/soap-envelope")
                + "\"><soap:Body><" + method + " xmlns=\"" + NS + "\">" + elements + "</" + method
                + "></soap:Body></soap:Envelope>";
        var spec = given().baseUri(TestServer.get().baseUri().toString())
                .contentType(v11 ? "text/xml; charset=utf-8" : "application/soap+xml").body(envelope);
        if (v11) {
            spec.header("SOAPAction", "\"" + NS + "/" + method + "\"");
        }
        if (cookie != null) {
            spec.cookie(RescueCalls.COOKIE, cookie);
        }
        return spec.post("/API/API.asmx");
    }

    /** The text of the first {@code <element>} of a SOAP reply. */
    static String value(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A test account for the administration methods: TestAccounts' (an administrator whose folder list is the
     * technician group, two technicians, a channel, sessions), with a master administrator, and a second
     * administrator who logged in and was then disabled without being cut off (as the account service's
     * fixture method does), whose cookie so answers USER_DELETED_OR_DISABLED.
     */
    record Fixture(TestAccount a, String masterEmail, long masterNodeId, String disabledCookie) {

        static Fixture create() {
            TestServer server = TestServer.get();
            TestAccount a = server.accounts().create(2);
            AccountService accounts = server.accounts().accounts();
            long masters = server.core().database().inTransaction(s -> AccountService.organisationNode(s,
                    a.accountId(), NodeKind.MASTER_ADMINISTRATORS).getId());
            Node node = accounts.createNode(null, a.accountId(), NodeKind.MASTER_ADMINISTRATOR, masters, "Master");
            Role role = accounts.createRole(a.accountId(), "Master Administrator", RoleKind.MASTER_ADMINISTRATOR, 30,
                    a.folderListId(), false);
            String masterEmail = "master@" + a.siteKey() + ".example";
            accounts.createUser(a.accountId(), masterEmail, "Master", MASTER_PASSWORD, node.getId(), null,
                    Set.of(role.getId()));
            Node second = accounts.createNode(null, a.accountId(), NodeKind.ADMINISTRATOR, a.adminGroupId(), "Second");
            String secondEmail = "second@" + a.siteKey() + ".example";
            Long secondUser = accounts.createUser(a.accountId(), secondEmail, "Second", SECOND_PASSWORD,
                    second.getId(), null, Set.of(a.adminRoleId())).getId();
            String disabled = RescueCalls.login(secondEmail, SECOND_PASSWORD);
            accounts.setUserStatus(secondUser, UserStatus.DISABLED);
            return new Fixture(a, masterEmail, node.getId(), disabled);
        }

        String master() {
            return RescueCalls.login(masterEmail, MASTER_PASSWORD);
        }

        String admin() {
            return RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        }

        String technician() {
            return RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        }

        long organisation(NodeKind kind) {
            return TestServer.get().core().database().inTransaction(s -> AccountService.organisationNode(s,
                    a.accountId(), kind).getId());
        }
    }

    static List<String> methods() {
        return SOAP.keySet().stream().filter(m -> !m.equals("setUserStatus_v7_1")).sorted().toList();
    }
}
