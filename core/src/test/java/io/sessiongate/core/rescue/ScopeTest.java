package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.websession.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scope policy: an account's own nodes and sessions, and only those its folder list reaches. */
class ScopeTest {

    private static final long ACCOUNT = 7;
    private static final long GROUP = 100;
    private static final long OTHER_GROUP = 200;
    private final Caller caller = new Caller(1L, ACCOUNT, UserStatus.ENABLED, null, null, true, false, Set.of(GROUP));
    /** A master administrator: the whole account, whatever the folder list says. */
    private final Caller master = new Caller(2L, ACCOUNT, UserStatus.ENABLED, null, null, true, true, Set.of());

    @Test
    void aTechnicianIsTargetedAsANodeWhenTheirGroupIsInTheFolderList() {
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.TECHNICIAN, ACCOUNT, GROUP, Set.of()), NodeRef.NODE))
                .isTrue();
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.TECHNICIAN, ACCOUNT, OTHER_GROUP, Set.of()),
                NodeRef.NODE)).as("outside the folder list").isFalse();
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.TECHNICIAN, ACCOUNT, GROUP, Set.of()),
                NodeRef.CHANNEL)).as("a technician named as a channel").isFalse();
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.TECHNICIAN, 8, GROUP, Set.of()), NodeRef.NODE))
                .as("another account's").isFalse();
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.ADMINISTRATOR, ACCOUNT, GROUP, Set.of()),
                NodeRef.NODE)).as("an administrator node").isFalse();
        assertThat(Scope.mayTarget(caller, null, NodeRef.NODE)).as("no such node").isFalse();
    }

    @Test
    void aChannelIsTargetedWhenItServesAGroupInTheFolderList() {
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.CHANNEL, ACCOUNT, null, Set.of(OTHER_GROUP, GROUP)),
                NodeRef.CHANNEL)).isTrue();
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.CHANNEL, ACCOUNT, null, Set.of(OTHER_GROUP)),
                NodeRef.CHANNEL)).isFalse();
        assertThat(Scope.mayTarget(caller, new NodeInScope(NodeKind.CHANNEL, ACCOUNT, null, Set.of(GROUP)),
                NodeRef.NODE)).as("a channel named as a node").isFalse();
    }

    @Test
    void aSessionIsSeenThroughItsTechniciansGroupOrItsChannel() {
        assertThat(Scope.maySee(caller, ACCOUNT, GROUP, Set.of())).isTrue();
        assertThat(Scope.maySee(caller, ACCOUNT, null, Set.of(GROUP))).isTrue();
        assertThat(Scope.maySee(caller, ACCOUNT, OTHER_GROUP, Set.of(OTHER_GROUP))).isFalse();
        assertThat(Scope.maySee(caller, 8, GROUP, Set.of(GROUP))).as("another account's").isFalse();
    }

    @Test
    void aMasterAdministratorReachesEveryGroupOfTheirAccountAndNoOther() {
        assertThat(Scope.mayTarget(master, new NodeInScope(NodeKind.TECHNICIAN, ACCOUNT, OTHER_GROUP, Set.of()),
                NodeRef.NODE)).isTrue();
        assertThat(Scope.mayTarget(master, new NodeInScope(NodeKind.CHANNEL, ACCOUNT, null, Set.of(OTHER_GROUP)),
                NodeRef.CHANNEL)).isTrue();
        assertThat(Scope.maySee(master, ACCOUNT, OTHER_GROUP, Set.of())).isTrue();
        assertThat(Scope.maySee(master, ACCOUNT, null, Set.of())).as("a session in no group yet").isTrue();
        assertThat(Scope.mayTarget(master, new NodeInScope(NodeKind.TECHNICIAN, 8, OTHER_GROUP, Set.of()),
                NodeRef.NODE)).as("another account's").isFalse();
        assertThat(Scope.maySee(master, 8, GROUP, Set.of(GROUP))).as("another account's").isFalse();
    }
}
