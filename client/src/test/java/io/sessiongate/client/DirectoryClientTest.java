package io.sessiongate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.AssignChannelResult;
import io.sessiongate.api.rescue.CreateGroupResult;
import io.sessiongate.api.rescue.CreateUserResult;
import io.sessiongate.api.rescue.DeleteNodeResult;
import io.sessiongate.api.rescue.GetAccountResult;
import io.sessiongate.api.rescue.GetHierarchyResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.HierarchyEntry;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.MoveNodeResult;
import io.sessiongate.api.rescue.NodeType;
import io.sessiongate.api.rescue.SetGroupResult;
import io.sessiongate.api.rescue.SetUserResult;
import io.sessiongate.api.rescue.SetUserStatusResult;
import io.sessiongate.api.rescue.UnassignChannelResult;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The administration methods through the typed client, against the real server. */
class DirectoryClientTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(0);

    @Test
    void anAdministratorProvisionsATechnicianThroughTheClient() {
        SessionGateClient client = SessionGateClient.builder(server.baseUri().toString())
                .requestTimeout(Duration.ofSeconds(20)).build();
        RescueApi rescue = client.rescue();
        assertThat(rescue.getAccount().result()).isEqualTo(GetAccountResult.NOT_LOGGED_IN);
        assertThat(rescue.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD)).isEqualTo(LoginResult.OK);
        var me = rescue.getAccount();
        assertThat(me.account()).hasValueSatisfying(a -> {
            assertThat(a.accountId()).isEqualTo(account.accountId());
            assertThat(a.adminId()).isEqualTo(account.adminNodeId());
            assertThat(a.techId()).isZero();
        });

        var group = rescue.createGroup(account.techGroupId(), "Night: shift");
        assertThat(group.result()).isEqualTo(CreateGroupResult.OK);
        long sub = group.nodeId().orElseThrow();
        var user = rescue.createUser(sub, "Nina", "nina@" + account.siteKey() + ".example", "nina password");
        assertThat(user.result()).isEqualTo(CreateUserResult.OK);
        long nina = user.nodeId().orElseThrow();
        assertThat(rescue.createUser(account.channelId(), null, null, null).result())
                .isEqualTo(CreateUserResult.INVALID_PARAM_PARENT);
        assertThat(rescue.setUser(nina, RescueApi.UserChanges.none().withDescription("owl").withPassword("short")))
                .isEqualTo(SetUserResult.INVALID_PARAM_PWD);
        assertThat(rescue.setUser(nina, RescueApi.UserChanges.none().withDescription("owl")))
                .isEqualTo(SetUserResult.OK);
        var found = rescue.getUser(nina);
        assertThat(found.result()).isEqualTo(GetUserResult.OK);
        assertThat(found.user()).hasValueSatisfying(u -> {
            assertThat(u.description()).isEqualTo("owl");
            assertThat(u.type()).isEqualTo(NodeType.TECHNICIAN);
            assertThat(u.status()).isEqualTo("Offline");
        });
        assertThat(rescue.getGroup(sub).group()).hasValueSatisfying(g -> assertThat(g.name()).isEqualTo("Night: shift"));
        assertThat(rescue.setGroup(sub, null, "Disabled", null)).isEqualTo(SetGroupResult.OK);
        assertThat(rescue.assignChannel(sub, account.channelId())).isEqualTo(AssignChannelResult.OK);
        assertThat(rescue.unassignChannel(sub, account.channelId())).isEqualTo(UnassignChannelResult.OK);

        var tree = rescue.getHierarchy(account.techGroupId(), false);
        assertThat(tree.result()).isEqualTo(GetHierarchyResult.OK);
        assertThat(tree.nodes()).extracting(HierarchyEntry::nodeId).containsExactly(account.techGroupId(), sub, nina,
                account.onlineTechNodeId(), account.offlineTechNodeId());
        HierarchyEntry subEntry = tree.nodes().get(1);
        assertThat(subEntry.name()).as("a colon cannot travel in the text reply").isEqualTo("Night; shift");
        assertThat(subEntry.status()).isEqualTo("Disabled");
        assertThat(rescue.getHierarchy().nodes()).hasSize(6);

        assertThat(rescue.moveNode(nina, account.adminGroupId())).as("out of the administrator's reach")
                .isEqualTo(MoveNodeResult.INVALID_PARAM_TARGET_NODE);
        assertThat(rescue.moveNode(nina, account.techGroupId())).isEqualTo(MoveNodeResult.OK);
        assertThat(rescue.setUserStatus(nina, "disabled")).isEqualTo(SetUserStatusResult.OK);
        assertThat(rescue.deleteNode(nina)).isEqualTo(DeleteNodeResult.OK);
        assertThat(rescue.deleteNode(sub)).isEqualTo(DeleteNodeResult.OK);
        assertThat(rescue.deleteNode(account.adminNodeId())).isEqualTo(DeleteNodeResult.INVALID_DELETE);
    }
}
