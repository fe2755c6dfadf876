package io.sessiongate.server.rescue;

import static io.restassured.RestAssured.given;
import static io.sessiongate.server.rescue.AdministrationCalls.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.server.rescue.AdministrationCalls.Fixture;
import io.sessiongate.server.rescue.AdministrationCalls.Transport;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every administration method and every code it documents, over {@code .aspx} GET and POST and SOAP 1.1 and
 * 1.2, each way on an account of its own: the authentication codes of every method, then each method's own.
 * (A case whose input SOAP cannot carry, such as a node id that is not a number or a lower-case enum value,
 * which the WSDL's schema refuses as a fault, runs over {@code .aspx} only.)
 */
class AdministrationMethodsTest {

    private final TestServer server = TestServer.get();
    private final Fixture f = Fixture.create();

    private static Object[] with(Object[] base, Object... more) {
        List<Object> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray();
    }

    @Test
    void theChangesAreRefusedCrossSiteAndForHeadWhileTheReadsAreServed() {
        String admin = f.admin();
        String base = server.baseUri().toString();
        long tech = f.a().offlineTechNodeId();
        var crossSite = given().baseUri(base).cookie(RescueCalls.COOKIE, admin).header("Sec-Fetch-Site", "cross-site")
                .get("/API/deleteNode.aspx?node=" + tech);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.asString()).isEqualTo("ERROR");
        assertThat(given().baseUri(base).cookie(RescueCalls.COOKIE, admin)
                .head("/API/setUserStatus.aspx?node=" + tech + "&status=disabled").statusCode()).isEqualTo(405);
        assertThat(code(Transport.GET, "getUser_v2", admin, "node", tech)).as("still there, still enabled")
                .isEqualTo("OK");
        assertThat(RescueCalls.get("getUser_v2.aspx", admin, "node", tech).asString()).endsWith("STATUS: Offline");
        assertThat(given().baseUri(base).cookie(RescueCalls.COOKIE, admin).header("Sec-Fetch-Site", "cross-site")
                .get("/API/getHierarchy_v2.aspx").asString()).startsWith("OK\n\n");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyMethodAnswersTheAuthenticationCodes(Transport t) {
        String tech = f.technician();
        for (String method : AdministrationCalls.methods()) {
            Object[] p = AdministrationCalls.MINIMAL.get(method);
            assertThat(code(t, method, null, p)).as(method + " without credentials").isEqualTo("NOTLOGGEDIN");
            assertThat(code(t, method, null, with(p, "authcode", "z".repeat(80)))).as(method + " with a bad code")
                    .isEqualTo("INVALID_SECRETAUTHCODE");
            assertThat(code(t, method, f.disabledCookie(), p)).as(method + " by a disabled administrator")
                    .isEqualTo("USER_DELETED_OR_DISABLED");
            assertThat(code(t, method, tech, p)).as(method + " by a technician")
                    .isEqualTo(method.equals("getAccount") ? "OK" : "NOTLOGGEDIN");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theReadingMethodsAnswerTheirCodes(Transport t) {
        String master = f.master();
        String admin = f.admin();
        long group = f.a().techGroupId();
        assertThat(code(t, "getAccount", master)).isEqualTo("OK");
        String code = RescueCalls.authCode(f.a().adminEmail(), io.sessiongate.core.testing.TestAccounts.ADMIN_PASSWORD);
        assertThat(code(t, "getAccount", null, "authcode", code)).isEqualTo("OK");
        assertThat(code(t, "getHierarchy", admin)).isEqualTo("OK");
        assertThat(code(t, "getHierarchy_v2", admin, "isnode", "true", "node", group, "filteroffline", "true"))
                .isEqualTo("OK");
        assertThat(code(t, "getHierarchy_v2", admin, "isnode", "true", "node", f.a().adminGroupId()))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "getUser_v2", admin, "node", f.a().onlineTechNodeId())).isEqualTo("OK");
        assertThat(code(t, "getUser_v2", admin, "node", group)).isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "getGroup_v2", admin, "node", group)).isEqualTo("OK");
        assertThat(code(t, "getGroup_v2", admin, "node", f.a().onlineTechNodeId())).isEqualTo("INVALIDPARAM_NODE");
        if (!t.soap()) {
            assertThat(code(t, "getHierarchy_v2", admin, "isnode", "TRUE", "node", "x")).isEqualTo("INVALIDPARAM_NODE");
            assertThat(code(t, "getHierarchy_v2", admin, "isnode", "maybe")).isEqualTo("ERROR");
            assertThat(code(t, "getUser_v2", admin, "node", "")).isEqualTo("INVALIDPARAM_NODE");
            assertThat(code(t, "getGroup_v2", admin)).isEqualTo("INVALIDPARAM_NODE");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void createUserAndSetUserAnswerTheirCodes(Transport t) {
        String master = f.master();
        String admin = f.admin();
        String site = f.a().siteKey();
        long group = f.a().techGroupId();
        // the vendor's flow: createUser with its parent only, then setUser_v2
        long node = t.soap() ? Long.parseLong(AdministrationCalls.value(AdministrationCalls.soap(t, "createUser", admin,
                "parent", group).asString(), "iNewNodeID"))
                : RescueReply.newNodeOf(AdministrationCalls.aspx(t, "createUser", admin, "parent", group).asString())
                .orElseThrow();
        assertThat(code(t, "createUser", admin, "parent", f.a().channelId())).isEqualTo("INVALIDPARAM_PARENT");
        assertThat(code(t, "createUser", admin, "parent", f.a().adminGroupId())).isEqualTo("INVALIDPARAM_PARENT");
        if (!t.soap()) {
            assertThat(code(t, "createUser", admin, "parent", "twelve")).isEqualTo("INVALIDPARAM_PARENT");
            assertThat(code(t, "createUser", admin, "parent", group, "name", "x".repeat(201))).isEqualTo("INVALIDPARAM_NAME");
            assertThat(code(t, "createUser", admin, "parent", group, "email", f.a().offlineTechEmail()))
                    .isEqualTo("INVALIDPARAM_EMAIL");
            assertThat(code(t, "createUser", admin, "parent", group, "pwd", "short")).isEqualTo("INVALIDPARAM_PWD");
            assertThat(code(t, "createUser", admin, "parent", group, "status", "enabled")).isEqualTo("INVALIDPARAM_STATUS");
            assertThat(code(t, "createUser", admin, "parent", group, "description", "d".repeat(513)))
                    .isEqualTo("INVALIDPARAM_DESCRIPTION");
            assertThat(code(t, "createUser", admin, "parent", group, "name", "Full", "email", "full@" + site
                    + ".example", "pwd", "full password")).isEqualTo("OK");
        }

        String email = "made@" + site + ".example";
        assertThat(code(t, "setUser_v2", admin, "node", node, "name", "Made Tech", "email", email, "pwd",
                "made password", "confpwd", "made password", "status", t.soap() ? "Enabled" : "enabled"))
                .isEqualTo("OK");
        assertThat(RescueCalls.login(email, "made password")).isNotBlank();
        assertThat(code(t, "setUser_v2", admin, "node", f.a().adminGroupId(), "name", "x")).isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "setUser_v2", admin, "node", node, "name", " ")).isEqualTo("INVALIDPARAM_NAME");
        assertThat(code(t, "setUser_v2", admin, "node", node, "nick", "n".repeat(65))).isEqualTo("INVALIDPARAM_NICK");
        assertThat(code(t, "setUser_v2", admin, "node", node, "email", "made at home")).isEqualTo("INVALIDPARAM_EMAIL");
        assertThat(code(t, "setUser_v2", admin, "node", node, "ssoid", "s".repeat(129))).isEqualTo("INVALIDPARAM_SSOID");
        assertThat(code(t, "setUser_v2", admin, "node", node, "pwd", "short")).isEqualTo("INVALIDPARAM_PWD");
        assertThat(code(t, "setUser_v2", admin, "node", node, "pwd", "made password 2", "confpwd", "other"))
                .isEqualTo("INVALIDPARAM_CONFPWD");
        assertThat(code(t, "setUser_v2", master, "node", f.masterNodeId(), "pwd", "master password 2"))
                .as("one's own password needs the current one").isEqualTo("INVALIDPARAM_OLDPWD");
        assertThat(code(t, "setUser_v2", master, "node", f.masterNodeId(), "status", "Disabled"))
                .as("one does not disable oneself").isEqualTo("INVALIDPARAM_STATUS");
        assertThat(code(t, "setUser_v2", admin, "node", node, "description", "d".repeat(513)))
                .isEqualTo("INVALIDPARAM_DESCRIPTION");
        if (!t.soap()) {
            assertThat(code(t, "setUser_v2", admin, "node", node, "status", "asleep")).isEqualTo("INVALIDPARAM_STATUS");
            assertThat(code(t, "setUser_v2", admin, "node", "x")).isEqualTo("INVALIDPARAM_NODE");
        }
        assertThat(code(t, "setUser_v2", master, "node", f.masterNodeId(), "pwd", "master password 2", "confpwd",
                "master password 2", "oldpwd", AdministrationCalls.MASTER_PASSWORD)).isEqualTo("OK");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void setUserStatusCutsTheUserOffAndAnswersItsCodes(Transport t) {
        String admin = f.admin();
        long tech = f.a().offlineTechNodeId();
        String techCookie = RescueCalls.login(f.a().offlineTechEmail(), io.sessiongate.core.testing.TestAccounts.TECH_PASSWORD);
        assertThat(code(t, "getAccount", techCookie)).isEqualTo("OK");
        assertThat(code(t, "setUserStatus", admin, "node", tech, "status", t.soap() ? "Disabled" : "disabled"))
                .isEqualTo("OK");
        assertThat(code(t, "getAccount", techCookie)).as("their login ended at once").isEqualTo("NOTLOGGEDIN");
        assertThat(RescueCalls.get("login.aspx", null, "email", f.a().offlineTechEmail(), "pwd",
                io.sessiongate.core.testing.TestAccounts.TECH_PASSWORD).asString()).isEqualTo("INVALID");
        assertThat(code(t, "setUserStatus", admin, "node", tech, "status", "Enabled")).isEqualTo("OK");
        assertThat(code(t, "setUserStatus", admin, "node", f.a().channelId(), "status", "Enabled"))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "setUserStatus", f.master(), "node", f.masterNodeId(), "status", "Disabled"))
                .isEqualTo("INVALIDPARAM_STATUS");
        if (!t.soap()) {
            assertThat(code(t, "setUserStatus", admin, "node", tech, "status", "Paused")).isEqualTo("INVALIDPARAM_STATUS");
            assertThat(code(t, "setUserStatus", admin, "node", tech)).isEqualTo("INVALIDPARAM_STATUS");
        }
        // the PowerShell module's setUserStatus_v7_1 compares the reply with a bare 'OK'
        assertThat(code(t, "setUserStatus_v7_1", admin, "node", tech, "status", "Disabled")).isEqualTo("OK");
        assertThat(code(t, "setUserStatus_v7_1", admin, "node", f.a().channelId(), "status", "Disabled"))
                .isEqualTo("INVALIDPARAM_NODE");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void groupMethodsAnswerTheirCodes(Transport t) {
        String admin = f.admin();
        long group = f.a().techGroupId();
        long made = Long.parseLong(t.soap() ? AdministrationCalls.value(AdministrationCalls.soap(t, "createGroup", admin,
                "parent", group, "name", "Tier 2", "status", "Enabled", "description", "second line").asString(),
                "iNewNodeID") : RescueCalls.post("createGroup.aspx", admin, "parent", group, "name", "Tier 2",
                "status", "enabled", "description", "second line").asString().substring(3));
        assertThat(code(t, "getGroup_v2", admin, "node", made)).isEqualTo("OK");
        assertThat(code(t, "createGroup", admin, "parent", f.a().onlineTechNodeId())).isEqualTo("INVALIDPARAM_PARENT");
        assertThat(code(t, "createGroup", admin, "parent", f.a().adminGroupId())).isEqualTo("INVALIDPARAM_PARENT");
        assertThat(code(t, "createGroup", admin, "parent", group, "name", "x".repeat(201))).isEqualTo("INVALIDPARAM_NAME");
        assertThat(code(t, "createGroup", admin, "parent", group, "description", "d".repeat(513)))
                .isEqualTo("INVALIDPARAM_DESCRIPTION");
        assertThat(code(t, "setGroup", admin, "node", made, "name", "Tier Two", "status", "Disabled")).isEqualTo("OK");
        assertThat(code(t, "setGroup", admin, "node", f.a().onlineTechNodeId(), "name", "x")).isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "setGroup", f.master(), "node", f.organisation(NodeKind.TECHNICIANS), "name", "x"))
                .as("an organisation node").isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "setGroup", admin, "node", made, "name", "")).isEqualTo("INVALIDPARAM_NAME");
        assertThat(code(t, "setGroup", admin, "node", made, "description", "d".repeat(513)))
                .isEqualTo("INVALIDPARAM_DESCRIPTION");
        if (!t.soap()) {
            assertThat(code(t, "createGroup", admin, "parent", group, "status", "half")).isEqualTo("INVALIDPARAM_STATUS");
            assertThat(code(t, "setGroup", admin, "node", made, "status", "half")).isEqualTo("INVALIDPARAM_STATUS");
            assertThat(code(t, "createGroup", admin)).isEqualTo("INVALIDPARAM_PARENT");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void moveDeleteAndChannelMethodsAnswerTheirCodes(Transport t) {
        String admin = f.admin();
        String master = f.master();
        long group = f.a().techGroupId();
        long tech = f.a().offlineTechNodeId();
        long channel = f.a().channelId();
        long sub = RescueReply.newNodeOf(RescueCalls.post("createGroup.aspx", admin, "parent", group).asString())
                .orElseThrow();

        assertThat(code(t, "moveNode", admin, "targetnode", sub, "node", tech)).isEqualTo("OK");
        assertThat(code(t, "moveNode", admin, "targetnode", sub, "node", f.a().adminNodeId()))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "moveNode", admin, "targetnode", f.a().onlineTechNodeId(), "node", tech))
                .isEqualTo("INVALIDPARAM_TARGETNODE");
        assertThat(code(t, "moveNode", master, "targetnode", f.a().adminGroupId(), "node", tech))
                .isEqualTo("INVALID_MOVE");
        assertThat(code(t, "moveNode", admin, "targetnode", sub, "node", group)).as("into itself").isEqualTo("INVALID_MOVE");
        if (!t.soap()) {
            // the vendor's POST sample names them targetNodeID and nodeID
            assertThat(code(t, "moveNode", admin, "targetNodeID", group, "nodeID", tech)).isEqualTo("OK");
            assertThat(code(t, "deleteNode", admin, "nodeID", f.a().adminNodeId())).isEqualTo("INVALID_DELETE");
        }

        assertThat(code(t, "assignChannel", admin, "node", sub, "entry", channel)).isEqualTo("OK");
        assertThat(code(t, "assignChannel", admin, "node", f.a().adminGroupId(), "entry", channel))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "assignChannel", admin, "node", sub, "entry", tech)).isEqualTo("INVALIDPARAM_ENTRY");
        assertThat(code(t, "assignChannel", admin, "node", tech, "entry", channel))
                .as("a technician: channels serve groups here").isEqualTo("INVALID_ASSIGN");
        assertThat(code(t, "unassignChannel", admin, "node", sub, "entry", channel)).isEqualTo("OK");
        assertThat(code(t, "unassignChannel", admin, "node", sub, "entry", channel)).isEqualTo("INVALID_DEASSIGN");
        assertThat(code(t, "unassignChannel", admin, "node", f.a().adminGroupId(), "entry", channel))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "unassignChannel", admin, "node", sub, "entry", sub)).isEqualTo("INVALIDPARAM_ENTRY");

        assertThat(code(t, "deleteNode", admin, "node", f.a().adminNodeId()))
                .as("an administrator cannot delete himself").isEqualTo("INVALID_DELETE");
        assertThat(code(t, "deleteNode", admin, "node", group)).as("it holds people").isEqualTo("INVALID_DELETE");
        assertThat(code(t, "deleteNode", master, "node", f.organisation(NodeKind.TECHNICIANS))).isEqualTo("INVALID_DELETE");
        assertThat(code(t, "deleteNode", master, "node", channel)).as("sessions wait in it").isEqualTo("INVALID_DELETE");
        assertThat(code(t, "deleteNode", admin, "node", f.masterNodeId())).isEqualTo("INVALIDPARAM_NODE");
        if (t.soap()) {
            assertThat(code(t, "moveNode", admin, "targetnode", group, "node", tech)).isEqualTo("OK");
        }
        assertThat(code(t, "deleteNode", admin, "node", sub)).isEqualTo("OK");
        assertThat(code(t, "deleteNode", admin, "node", sub)).as("gone").isEqualTo("INVALIDPARAM_NODE");
        assertThat(code(t, "deleteNode", admin, "node", tech)).isEqualTo("OK");
        assertThat(code(t, "getUser_v2", admin, "node", tech)).isEqualTo("INVALIDPARAM_NODE");
    }
}
