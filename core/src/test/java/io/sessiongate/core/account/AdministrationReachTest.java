package io.sessiongate.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.websession.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The administration reach, as one rule over a small tree (no database). */
class AdministrationReachTest {

    private static final long ACCOUNT = 7;
    private final Map<Long, DirectoryNode> tree = new HashMap<>();

    private DirectoryNode node(long id, Long parent, NodeKind kind, Long... channelGroups) {
        DirectoryNode n = new DirectoryNode(id, ACCOUNT, parent, kind, "n" + id, "", NodeStatus.ENABLED, null,
                Set.of(channelGroups), 0);
        tree.put(id, n);
        return n;
    }

    // root 1; Master Administrators 2 > owner 20; Administrators 3 > admin group 30 > admin 31;
    // Technicians 4 > group 40 > subgroup 41 > technician 42, group 50 > technician 51; channels 60 (serves 41), 61 (50)
    private final DirectoryNode root = node(1, null, NodeKind.ROOT);
    private final DirectoryNode masters = node(2, 1L, NodeKind.MASTER_ADMINISTRATORS);
    private final DirectoryNode owner = node(20, 2L, NodeKind.MASTER_ADMINISTRATOR);
    private final DirectoryNode administrators = node(3, 1L, NodeKind.ADMINISTRATORS);
    private final DirectoryNode adminGroup = node(30, 3L, NodeKind.ADMINISTRATOR_GROUP);
    private final DirectoryNode admin = node(31, 30L, NodeKind.ADMINISTRATOR);
    private final DirectoryNode technicians = node(4, 1L, NodeKind.TECHNICIANS);
    private final DirectoryNode group = node(40, 4L, NodeKind.TECHNICIAN_GROUP);
    private final DirectoryNode subgroup = node(41, 40L, NodeKind.TECHNICIAN_GROUP);
    private final DirectoryNode deep = node(42, 41L, NodeKind.TECHNICIAN);
    private final DirectoryNode otherGroup = node(50, 4L, NodeKind.TECHNICIAN_GROUP);
    private final DirectoryNode otherTech = node(51, 50L, NodeKind.TECHNICIAN);
    private final DirectoryNode channel = node(60, 1L, NodeKind.CHANNEL, 41L);
    private final DirectoryNode otherChannel = node(61, 1L, NodeKind.CHANNEL, 50L);

    private static Caller folders(Long... groups) {
        return new Caller(1L, ACCOUNT, io.sessiongate.core.account.UserStatus.ENABLED, null, null, true, false,
                Set.of(groups));
    }

    private boolean reaches(Caller caller, DirectoryNode node) {
        return AdministrationReach.reaches(caller, node, tree::get);
    }

    @Test
    void aNodeIsReachedWhenItOrAGroupAboveItIsInTheFolderList() {
        Caller caller = folders(40L);
        assertThat(reaches(caller, group)).isTrue();
        assertThat(reaches(caller, subgroup)).as("a group beneath, made after any snapshot").isTrue();
        assertThat(reaches(caller, deep)).isTrue();
        assertThat(reaches(caller, otherGroup)).isFalse();
        assertThat(reaches(caller, otherTech)).isFalse();
        assertThat(reaches(caller, technicians)).as("the node above is not reached").isFalse();
        assertThat(reaches(caller, admin)).isFalse();
    }

    @Test
    void aChannelIsReachedThroughAGroupItServes() {
        assertThat(reaches(folders(40L), channel)).as("serves 41, beneath 40").isTrue();
        assertThat(reaches(folders(40L), otherChannel)).isFalse();
        assertThat(reaches(folders(50L), otherChannel)).isTrue();
    }

    @Test
    void organisationNodesInAListReachWhatIsBeneathButNeverTheMasterAdministrators() {
        Caller everything = folders(2L, 3L, 4L);
        assertThat(reaches(everything, administrators)).isTrue();
        assertThat(reaches(everything, admin)).isTrue();
        assertThat(reaches(everything, otherTech)).isTrue();
        assertThat(reaches(everything, masters)).isFalse();
        assertThat(reaches(everything, owner)).isFalse();
        assertThat(reaches(everything, root)).isFalse();
    }

    @Test
    void theWholeAccountIsReachedByAMasterAdministratorAndNothingOfAnotherAccount() {
        Caller master = new Caller(2L, ACCOUNT, io.sessiongate.core.account.UserStatus.ENABLED, null, null, true, true,
                Set.of());
        tree.values().forEach(n -> assertThat(reaches(master, n)).as("node " + n.id()).isTrue());
        Caller elsewhere = new Caller(3L, 8L, io.sessiongate.core.account.UserStatus.ENABLED, null, null, true, true,
                Set.of(40L));
        tree.values().forEach(n -> assertThat(reaches(elsewhere, n)).as("node " + n.id()).isFalse());
        assertThat(reaches(master, null)).isFalse();
    }
}
