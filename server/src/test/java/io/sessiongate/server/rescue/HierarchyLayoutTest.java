package io.sessiongate.server.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.DirectoryNode;
import io.sessiongate.core.account.DirectoryOutcome;
import io.sessiongate.core.account.DirectoryService;
import io.sessiongate.core.account.NewChannel;
import io.sessiongate.core.account.NewGroup;
import io.sessiongate.core.account.NewUser;
import io.sessiongate.core.account.Requester;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.rescue.AdministrationCalls.Transport;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bytes of the administration methods' data replies on a small account made for it: getHierarchy_v2's
 * blocks exactly, read the way tap-logmeinrescue reads them, and getAccount's, getUser_v2's, getGroup_v2's,
 * createUser's replies; the same data over SOAP.
 */
class HierarchyLayoutTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final TestServer server = TestServer.get();
    private final DirectoryService directory = server.core().directory();
    private String site;
    private String owner;
    private long root;
    private long masters;
    private long ownerNode;
    private long administrators;
    private long technicians;
    private long tier1;
    private long admins;
    private long ann;
    private long bob;
    private long carl;
    private long dan;
    private long support;

    private long made(DirectoryOutcome<DirectoryNode> outcome) {
        assertThat(outcome).isInstanceOf(DirectoryOutcome.Done.class);
        return ((DirectoryOutcome.Done<DirectoryNode>) outcome).value().id();
    }

    @BeforeEach
    void aSmallAccount() {
        server.clock().freeze();
        site = "layout" + ProcessHandle.current().pid() + "x" + SEQ.incrementAndGet();
        var account = server.core().accounts().provision(site, "Layout: Co", "owner@" + site + ".example",
                "Olive Owner", "owner password");
        root = account.rootNodeId();
        ownerNode = account.masterNodeId();
        owner = RescueCalls.login("owner@" + site + ".example", "owner password");
        Requester me = Requester.of(Credentials.cookie(owner));
        long[] org = server.core().database().inTransaction(s -> new long[] {
                AccountService.organisationNode(s, account.accountId(), io.sessiongate.core.account.NodeKind.MASTER_ADMINISTRATORS).getId(),
                AccountService.organisationNode(s, account.accountId(), io.sessiongate.core.account.NodeKind.ADMINISTRATORS).getId(),
                AccountService.organisationNode(s, account.accountId(), io.sessiongate.core.account.NodeKind.TECHNICIANS).getId()});
        masters = org[0];
        administrators = org[1];
        technicians = org[2];
        tier1 = made(directory.createGroup(me, new NewGroup(technicians, "Tier 1: EU", null, "first\nline")));
        admins = made(directory.createGroup(me, new NewGroup(administrators, "Admins", null, null)));
        ann = made(directory.createUser(me, new NewUser(tier1, "Ann", "ann@" + site + ".example", "ann password",
                null, null)));
        bob = made(directory.createUser(me, new NewUser(tier1, "Bob", "bob@" + site + ".example", "bob password",
                null, "nights")));
        carl = made(directory.createUser(me, new NewUser(tier1, "Carl", "carl@" + site + ".example",
                "carl password", "disabled", null)));
        dan = made(directory.createUser(me, new NewUser(admins, "Dan", "dan@" + site + ".example", "dan password",
                null, null)));
        support = made(directory.createChannel(me, new NewChannel("Support", null, null)));
        made(directory.assignChannel(me, tier1, support));
        server.core().presence().heartbeat(ann, PresenceStatus.AWAY);
    }

    @AfterEach
    void releaseTheClock() {
        server.clock().reset();
    }

    private static String block(long id, Object parent, String name, String email, String description, String status,
                                String type) {
        return "NodeID:" + id + "\nParentID:" + (parent == null ? "" : parent) + "\nName:" + name + "\nEmail:" + email
                + "\nDescription:" + description + "\nStatus:" + status + "\nType:" + type + "\n\n";
    }

    @Test
    void getHierarchyV2AnswersEveryNodeAsABlockExactly() {
        String expected = "OK\n\n"
                + block(root, null, "Layout; Co", "", "", "Offline", "Root")
                + block(masters, root, "Master Administrators", "", "", "Offline", "Masteradministrators")
                + block(ownerNode, masters, "Olive Owner", "owner@" + site + ".example", "", "Offline",
                        "Masteradministrator")
                + block(administrators, root, "Administrators", "", "", "Offline", "Administrators")
                + block(admins, administrators, "Admins", "", "", "Offline", "AdministratorGroup")
                + block(dan, admins, "Dan", "dan@" + site + ".example", "", "Offline", "Administrator")
                + block(technicians, root, "Technicians", "", "", "Offline", "Technicians")
                + block(tier1, technicians, "Tier 1; EU", "", "first line", "Offline", "TechnicianGroup")
                + block(ann, tier1, "Ann", "ann@" + site + ".example", "", "Away", "Technician")
                + block(bob, tier1, "Bob", "bob@" + site + ".example", "nights", "Offline", "Technician")
                + block(carl, tier1, "Carl", "carl@" + site + ".example", "", "Disabled", "Technician")
                + block(support, root, "Support", "", "", "Offline", "Channel");
        assertThat(RescueCalls.both("getHierarchy_v2.aspx", owner)).isEqualTo(expected);
        assertThat(RescueCalls.both("getHierarchy.aspx", owner)).as("v1: the same blocks").isEqualTo(expected);
        assertThat(RescueCalls.both("getHierarchy_v2.aspx", owner, "isnode", "true", "node", tier1, "filteroffline",
                "true")).isEqualTo("OK\n\n"
                + block(tier1, technicians, "Tier 1; EU", "", "first line", "Offline", "TechnicianGroup")
                + block(ann, tier1, "Ann", "ann@" + site + ".example", "", "Away", "Technician"));
        assertThat(RescueCalls.get("getHierarchy_v2.aspx", owner).contentType())
                .matches("text/plain; ?charset=utf-8");
    }

    /** tap-logmeinrescue's technicians stream, line by line, in Java (streams/technicians.py). */
    private static List<Map<String, String>> asTheTapReads(String response) {
        String[] nodes = response.split("\n\n", -1);
        List<Map<String, String>> technicians = new ArrayList<>();
        for (String node : Arrays.asList(nodes).subList(1, nodes.length - 1)) {
            Map<String, String> item = new LinkedHashMap<>();
            for (String field : node.split("\n", -1)) {
                String[] kv = field.split(":", -1);
                assertThat(kv).as("(k, v) = field.split(':') of " + field).hasSize(2);
                item.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
            }
            if ("Technician".equals(item.get("type"))) {
                technicians.add(item);
            }
        }
        return technicians;
    }

    @Test
    void theTapFindsTheTechniciansWithTheFieldsOfItsSchema() {
        List<Map<String, String>> found = asTheTapReads(RescueCalls.get("getHierarchy_v2.aspx", owner).asString());
        assertThat(found).extracting(m -> m.get("nodeid")).containsExactly(Long.toString(ann), Long.toString(bob),
                Long.toString(carl));
        assertThat(found.get(0)).containsExactly(Map.entry("nodeid", Long.toString(ann)),
                Map.entry("parentid", Long.toString(tier1)), Map.entry("name", "Ann"),
                Map.entry("email", "ann@" + site + ".example"), Map.entry("description", ""),
                Map.entry("status", "Away"), Map.entry("type", "Technician"));
    }

    @Test
    void theOtherDataRepliesHaveTheirLayouts() {
        assertThat(RescueCalls.both("getAccount.aspx", owner)).isEqualTo("OK\n\nAccountID:"
                + accountId() + "\nOrganization:Layout; Co\nAdminID:" + ownerNode + "\nTechID:0\nEmail:owner@" + site
                + ".example");
        assertThat(RescueCalls.both("getUser_v2.aspx", owner, "node", bob)).isEqualTo(String.join("\n", "OK", "",
                "NODEID: " + bob, "NAME: Bob", "NICK: ", "EMAIL: bob@" + site + ".example", "SSOID: ",
                "DESCRIPTION: nights", "TYPE: Technician", "HASMOBILEADDON: False", "ISACCOUNTHOLDER: False",
                "STATUS: Offline"));
        assertThat(RescueCalls.both("getGroup_v2.aspx", owner, "node", tier1)).isEqualTo(String.join("\n", "OK", "",
                "NODEID: " + tier1, "NAME: Tier 1: EU", "DESCRIPTION: first line", "TYPE: TechnicianGroup",
                "ISENABLED: True"));
        String created = RescueCalls.post("createUser.aspx", owner, "parent", tier1).asString();
        assertThat(created).matches("OK\n[0-9]+");
        assertThat(RescueCalls.post("createGroup.aspx", owner, "parent", tier1).asString()).matches("OK\n[0-9]+");
    }

    private long accountId() {
        return server.core().accounts().findBySiteKey(site).orElseThrow().getId();
    }

    @Test
    void soapAnswersTheSameDataInElements() {
        for (Transport t : List.of(Transport.SOAP11, Transport.SOAP12)) {
            Response r = AdministrationCalls.soap(t, "getHierarchy_v2", owner, "isnode", "true", "node", tier1);
            assertThat(r.asString()).contains("<getHierarchy_v2Result>getHierarchy_OK</getHierarchy_v2Result>"
                    + "<aHierarchy><HIERARCHY><iNodeID>" + tier1 + "</iNodeID><iParentID>" + technicians
                    + "</iParentID><sName>Tier 1: EU</sName><sEmail></sEmail><sDescription>first\nline"
                    + "</sDescription><eStatus>Offline</eStatus><eType>TechnicianGroup</eType></HIERARCHY>");
            assertThat(r.asString()).contains("<HIERARCHY><iNodeID>" + ann + "</iNodeID><iParentID>" + tier1
                    + "</iParentID><sName>Ann</sName><sEmail>ann@" + site + ".example</sEmail><sDescription>"
                    + "</sDescription><eStatus>Away</eStatus><eType>Technician</eType></HIERARCHY>");
            assertThat(AdministrationCalls.soap(t, "getHierarchy", owner).asString())
                    .contains("<HIERARCHY><iNodeID>" + root + "</iNodeID><sName>Layout: Co</sName>")
                    .contains("<eType>MasterAdministrator</eType>");
            String account = AdministrationCalls.soap(t, "getAccount", owner).asString();
            assertThat(account).contains("<getAccountResult>getAccount_OK</getAccountResult><iAccountID>" + accountId()
                    + "</iAccountID><sOrganization>Layout: Co</sOrganization><iAdminID>" + ownerNode
                    + "</iAdminID><iTechID>0</iTechID><sEmail>owner@" + site + ".example</sEmail>");
            assertThat(AdministrationCalls.soap(t, "getUser_v2", owner, "node", carl).asString()).contains(
                    "<getUser_v2Result>getUser_OK</getUser_v2Result><oUser><iNodeID>" + carl + "</iNodeID>"
                            + "<sName>Carl</sName><sNick></sNick><sEmail>carl@" + site + ".example</sEmail><sSSOID>"
                            + "</sSSOID><sDescription></sDescription><eType>Technician</eType><bAccountHolder>false"
                            + "</bAccountHolder><hasMobileAddon>false</hasMobileAddon><eStatus>Disabled</eStatus></oUser>");
            assertThat(AdministrationCalls.soap(t, "getGroup_v2", owner, "node", tier1).asString()).contains(
                    "<oGroup><iNodeID>" + tier1 + "</iNodeID><iParentID>" + technicians + "</iParentID><sName>Tier 1: EU"
                            + "</sName><sDescription>first\nline</sDescription><eType>TechnicianGroup</eType>"
                            + "<bIsEnabled>true</bIsEnabled></oGroup>");
            assertThat(AdministrationCalls.value(AdministrationCalls.soap(t, "createUser", owner, "parent", tier1)
                    .asString(), "iNewNodeID")).matches("[0-9]+");
        }
    }

    @Test
    void aReplyWithoutNodesIsTheCodeAndABlankLine() {
        assertThat(RescueReply.dataOf(RescueCalls.get("getHierarchy_v2.aspx", owner, "isnode", "true", "node", bob,
                "filteroffline", "true").asString())).isEmpty();
        assertThat(RescueCalls.get("getHierarchy_v2.aspx", owner, "isnode", "true", "node", bob, "filteroffline",
                "true").asString()).isEqualTo("OK\n\n");
    }
}
