package io.sessiongate.server.rescue;

import static io.sessiongate.server.rescue.AdministrationCalls.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.HierarchyText;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.server.rescue.AdministrationCalls.Transport;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing of the demo data's account {@code other} is visible or changeable from {@code demo}, even by its
 * master administrator, through any administration method, any way it is called: another account's node
 * answers exactly as a node that does not exist, and {@code other}'s rows stay as they were.
 */
class CrossAccountAdministrationTest {

    private final TestServer server = TestServer.get();

    /** Everything of {@code other}'s directory and its events, as one text. */
    private String otherAccount() {
        return server.core().database().inTransaction(s -> String.join(" | ",
                s.createNativeQuery("SELECT GROUP_CONCAT(CONCAT_WS(',', n.id, n.kind, n.parent_id, n.name, n.status,"
                        + " n.description, n.deleted_at IS NULL) ORDER BY n.id) FROM node n JOIN account a ON a.id ="
                        + " n.account_id WHERE a.site_key = 'other'", String.class).getSingleResult(),
                s.createNativeQuery("SELECT GROUP_CONCAT(CONCAT_WS(',', u.id, u.email, u.name, u.status, u.nick,"
                        + " u.password_hash) ORDER BY u.id) FROM app_user u JOIN account a ON a.id = u.account_id"
                        + " WHERE a.site_key = 'other'", String.class).getSingleResult(),
                s.createNativeQuery("SELECT GROUP_CONCAT(CONCAT(channel_id, '>', group_id)) FROM channel_assignment"
                        + " WHERE channel_id = " + DemoData.OTHER_CHANNEL, String.class).getSingleResult(),
                String.valueOf(s.createNativeQuery("SELECT COUNT(*) FROM event e JOIN account a ON a.id ="
                        + " e.account_id WHERE a.site_key = 'other'", Long.class).getSingleResult())));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void demosMasterAdministratorNeitherSeesNorChangesAnythingOfOther(Transport t) {
        String owner = RescueCalls.login(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
        String before = otherAccount();
        long techGroup = DemoData.OTHER_TECH_GROUP;
        long tech = DemoData.OTHER_TECH_NODE;
        long channel = DemoData.OTHER_CHANNEL;
        record Case(String method, String expected, Object... params) {
        }
        for (Case c : List.of(
                new Case("getHierarchy_v2", "INVALIDPARAM_NODE", "isnode", "true", "node", techGroup),
                new Case("getUser_v2", "INVALIDPARAM_NODE", "node", tech),
                new Case("getUser_v2", "INVALIDPARAM_NODE", "node", DemoData.OTHER_ADMIN_NODE),
                new Case("getGroup_v2", "INVALIDPARAM_NODE", "node", techGroup),
                new Case("createUser", "INVALIDPARAM_PARENT", "parent", techGroup),
                new Case("setUser_v2", "INVALIDPARAM_NODE", "node", tech, "name", "Mallory"),
                new Case("setUserStatus", "INVALIDPARAM_NODE", "node", tech, "status", "Disabled"),
                new Case("createGroup", "INVALIDPARAM_PARENT", "parent", techGroup, "name", "Mallory's"),
                new Case("setGroup", "INVALIDPARAM_NODE", "node", techGroup, "name", "Mallory's"),
                new Case("moveNode", "INVALIDPARAM_NODE", "targetnode", DemoData.DEMO_TECH_GROUP, "node", tech),
                new Case("moveNode", "INVALIDPARAM_TARGETNODE", "targetnode", techGroup, "node", DemoData.BOB_NODE),
                new Case("deleteNode", "INVALIDPARAM_NODE", "node", tech),
                new Case("deleteNode", "INVALIDPARAM_NODE", "node", channel),
                new Case("assignChannel", "INVALIDPARAM_NODE", "node", techGroup, "entry", DemoData.SUPPORT_CHANNEL),
                new Case("assignChannel", "INVALIDPARAM_ENTRY", "node", DemoData.DEMO_TECH_GROUP, "entry", channel),
                new Case("unassignChannel", "INVALIDPARAM_NODE", "node", techGroup, "entry", channel))) {
            assertThat(code(t, c.method(), owner, c.params())).as(c.method() + " " + List.of(c.params()))
                    .isEqualTo(c.expected());
        }
        assertThat(code(t, "setUserStatus_v7_1", owner, "node", tech, "status", "Disabled"))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(otherAccount()).isEqualTo(before);

        List<Long> seen = HierarchyText.parse(RescueReply.dataOf(RescueCalls.get("getHierarchy.aspx", owner)
                .asString())).stream().map(e -> e.nodeId()).toList();
        assertThat(seen).contains(DemoData.ALICE_NODE, DemoData.SUPPORT_CHANNEL, DemoData.DEMO_OWNER_NODE)
                .doesNotContain(DemoData.OTHER_TECH_GROUP, DemoData.OTHER_ADMIN_GROUP, DemoData.OTHER_ADMIN_NODE,
                        DemoData.OTHER_TECH_NODE, DemoData.OTHER_CHANNEL);
        String account = RescueCalls.get("getAccount.aspx", owner).asString();
        assertThat(RescueReply.fieldsOf(account)).containsEntry("Organization", "Demo Support")
                .containsEntry("AdminID", Long.toString(DemoData.DEMO_OWNER_NODE));
    }
}
