package io.sessiongate.core.account;

import static io.sessiongate.core.account.DirectoryFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.account.DirectoryOutcome.Conflict;
import io.sessiongate.core.account.DirectoryOutcome.Reference;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The directory service's rules about the tree: groups, moves, deletes, channels, folder lists, and reading it. */
class HierarchyAdministrationTest {

    private static final DirectoryFixture D = new DirectoryFixture(CoreFixture.on(Clock.systemUTC()));
    private static final DirectoryService directory = D.directory;

    private static <T> DirectoryOutcome<T> conflict(Conflict c) {
        return new DirectoryOutcome.Conflicting<>(c);
    }

    private static <T> DirectoryOutcome<T> missing(Reference r) {
        return new DirectoryOutcome.Missing<>(r);
    }

    /** A node of the account that the caller does not reach (the Rescue API answers it as missing). */
    private static <T> DirectoryOutcome<T> outOfReach(Reference r) {
        return new DirectoryOutcome.Forbidden<>(r, DirectoryOutcome.Reason.OUTSIDE_REACH);
    }

    private static DirectoryNode group(Requester who, long parent, String name) {
        return done(directory.createGroup(who, new NewGroup(parent, name, null, null)));
    }

    @Test
    void groupsAreMadeUnderGroupsOfTheirKindAndTheParentDecidesWhich() {
        var account = D.account();
        DirectoryNode sub = group(D.admin(account), account.a().techGroupId(), "Tier 2");
        assertThat(sub.kind()).isEqualTo(NodeKind.TECHNICIAN_GROUP);
        assertThat(sub.status()).isEqualTo(NodeStatus.ENABLED);
        DirectoryNode admins = done(directory.createGroup(D.master(account), new NewGroup(
                D.organisation(account, NodeKind.ADMINISTRATORS), null, "disabled", "spare")));
        assertThat(admins).extracting(DirectoryNode::kind, DirectoryNode::name, DirectoryNode::status,
                DirectoryNode::description).containsExactly(NodeKind.ADMINISTRATOR_GROUP, "New Administrator Group",
                NodeStatus.DISABLED, "spare");
        assertThat(((DirectoryOutcome.Invalid<?>) directory.createGroup(D.master(account), new NewGroup(
                account.a().channelId(), "G", null, null))).first().rule()).isEqualTo(FieldError.Rule.CANNOT_HOLD);
        assertThat(directory.createGroup(D.master(account), new NewGroup(D.organisation(account,
                NodeKind.MASTER_ADMINISTRATORS), "G", null, null))).isInstanceOf(DirectoryOutcome.Invalid.class);
        assertThat(directory.createGroup(D.admin(account), new NewGroup(account.a().adminGroupId(), "G", null, null)))
                .as("out of the administrator's folder list").isEqualTo(outOfReach(Reference.PARENT));
        assertThat(D.events("NODE", sub.id())).containsExactly("CREATED");
    }

    @Test
    void aNewGroupIsReachedAtOnceThroughItsParentAndJoinsTheFolderListsThatReachIt() {
        var account = D.account();
        Requester admin = D.admin(account); // its snapshot of the folder list is taken now
        DirectoryNode sub = group(admin, account.a().techGroupId(), "Tier 2");
        DirectoryNode subsub = group(admin, sub.id(), "Tier 3");
        assertThat(D.folderListGroups(account.a().folderListId()))
                .containsExactly(account.a().techGroupId(), sub.id(), subsub.id());
        // administered through the same (older) login: the reach counts the groups above
        DirectoryNode tech = done(directory.createUser(admin, new NewUser(subsub.id(), "Deep Tech",
                "deep@" + account.a().siteKey() + ".example", "deep password", null, null)));
        // and a login made now may transfer to its technician: the transfer scope sees the list's new rows
        D.fx.core().presence().heartbeat(tech.id(), PresenceStatus.ONLINE);
        Credentials fresh = D.fx.cookieOf(account.a().adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(D.fx.core().transfers().transfer(fresh, new TransferRequest(account.a().sessionIds().get(0)
                .toString(), Long.toString(tech.id()), null, null))).isEqualTo(TransferSessionResult.OK);
    }

    @Test
    void aMovedGroupTakesItsNewParentsFolderListsAndLeavesTheOldOnes() {
        var account = D.account();
        Requester master = D.master(account);
        long technicians = D.organisation(account, NodeKind.TECHNICIANS);
        DirectoryNode other = group(master, technicians, "Elsewhere");
        FolderList elsewhere = D.fx.core().accounts().createFolderList(account.id(), "Elsewhere", java.util.Set.of(
                other.id()));
        DirectoryNode moving = group(master, account.a().techGroupId(), "Moving");
        DirectoryNode inner = group(master, moving.id(), "Inner");
        assertThat(D.folderListGroups(account.a().folderListId())).contains(moving.id(), inner.id());

        done(directory.moveNode(master, moving.id(), other.id()));
        assertThat(D.folderListGroups(account.a().folderListId())).containsExactly(account.a().techGroupId());
        assertThat(D.folderListGroups(elsewhere.getId())).containsExactly(other.id(), moving.id(), inner.id());
        assertThat(directory.node(D.admin(account), inner.id())).as("out of the administrator's reach now")
                .isEqualTo(outOfReach(Reference.NODE));
        assertThat(D.events("NODE", moving.id())).containsExactly("CREATED", "MOVED");
    }

    @Test
    void aNodeMovesOnlyUnderAGroupOfItsKindNeverIntoItselfAndNeverAnOrganisationNode() {
        var account = D.account();
        Requester master = D.master(account);
        long tech = account.a().offlineTechNodeId();
        DirectoryNode sub = group(master, account.a().techGroupId(), "Sub");
        DirectoryNode subsub = group(master, sub.id(), "Subsub");

        assertThat(done(directory.moveNode(master, tech, sub.id())).parentId()).isEqualTo(sub.id());
        assertThat(D.value("SELECT parent_id FROM node WHERE id = ?1", Long.class, tech)).isEqualTo(sub.id());
        assertThat(D.events("USER", account.a().offlineTechUserId())).containsExactly("MOVED");
        assertThat(directory.moveNode(master, tech, D.organisation(account, NodeKind.TECHNICIANS)))
                .isInstanceOf(DirectoryOutcome.Done.class);
        assertThat(directory.moveNode(master, tech, account.a().adminGroupId()))
                .isEqualTo(conflict(Conflict.MOVE_WRONG_KIND));
        assertThat(directory.moveNode(master, account.a().adminNodeId(), sub.id()))
                .isEqualTo(conflict(Conflict.MOVE_WRONG_KIND));
        assertThat(directory.moveNode(master, sub.id(), account.a().adminGroupId()))
                .isEqualTo(conflict(Conflict.MOVE_WRONG_KIND));
        assertThat(directory.moveNode(master, account.a().channelId(), sub.id()))
                .isEqualTo(conflict(Conflict.MOVE_WRONG_KIND));
        assertThat(directory.moveNode(master, sub.id(), subsub.id())).isEqualTo(conflict(Conflict.MOVE_INTO_ITSELF));
        assertThat(directory.moveNode(master, sub.id(), sub.id())).isEqualTo(conflict(Conflict.MOVE_INTO_ITSELF));
        assertThat(directory.moveNode(master, D.organisation(account, NodeKind.TECHNICIANS), sub.id()))
                .isEqualTo(conflict(Conflict.MOVE_ORGANISATION_NODE));
        assertThat(directory.moveNode(master, tech, account.a().onlineTechNodeId()))
                .as("a technician is no target").isEqualTo(missing(Reference.TARGET));
        assertThat(directory.moveNode(master, tech, null)).isEqualTo(missing(Reference.TARGET));
        assertThat(directory.moveNode(master, null, sub.id())).isEqualTo(missing(Reference.NODE));
        // a move to where it is changes nothing and records nothing
        done(directory.moveNode(master, subsub.id(), sub.id()));
        assertThat(D.events("NODE", subsub.id())).containsExactly("CREATED");
    }

    @Test
    void deletingIsRefusedForOrganisationNodesOneselfNonEmptyGroupsAndLiveSessions() {
        var account = D.account();
        Requester master = D.master(account);
        assertThat(directory.deleteNode(master, D.organisation(account, NodeKind.TECHNICIANS)))
                .isEqualTo(conflict(Conflict.DELETE_ORGANISATION_NODE));
        assertThat(directory.deleteNode(master, account.masterNodeId())).isEqualTo(conflict(Conflict.DELETE_SELF));
        assertThat(directory.deleteNode(master, account.a().techGroupId())).isEqualTo(conflict(Conflict.DELETE_NOT_EMPTY));
        assertThat(directory.deleteNode(master, account.a().channelId()))
                .as("sessions wait in it").isEqualTo(conflict(Conflict.DELETE_LIVE_SESSIONS));
        Credentials admin = D.fx.cookieOf(account.a().adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(D.fx.core().transfers().transfer(admin, new TransferRequest(account.a().sessionIds().get(0)
                .toString(), account.a().onlineTechNodeId().toString(), null, null))).isEqualTo(TransferSessionResult.OK);
        assertThat(directory.deleteNode(master, account.a().onlineTechNodeId()))
                .isEqualTo(conflict(Conflict.DELETE_LIVE_SESSIONS));
        assertThat(directory.deleteNode(Requester.of(admin), account.a().adminNodeId()))
                .as("an administrator cannot delete himself, reached or not").isEqualTo(conflict(Conflict.DELETE_SELF));
        assertThat(directory.deleteNode(Requester.of(admin), account.masterNodeId()))
                .as("out of the administrator's reach").isEqualTo(outOfReach(Reference.NODE));
    }

    @Test
    void aDeletedTechnicianIsCutOffAndGoneFromTheHierarchyAndAnEmptyGroupLeavesListsAndChannels() {
        var account = D.account();
        Requester master = D.master(account);
        long tech = account.a().offlineTechNodeId();
        Credentials techCookie = D.fx.cookieOf(account.a().offlineTechEmail(), TestAccounts.TECH_PASSWORD);
        DirectoryNode gone = done(directory.deleteNode(master, tech));
        assertThat(gone.id()).isEqualTo(tech);
        assertThat(D.value("SELECT CONCAT(u.status, ' ', n.deleted_at IS NOT NULL) FROM app_user u JOIN node n"
                + " ON n.id = u.tech_node_id WHERE u.id = ?1", String.class, account.a().offlineTechUserId()))
                .isEqualTo("DELETED 1");
        assertThat(D.value("SELECT status FROM web_session WHERE user_id = ?1", String.class,
                account.a().offlineTechUserId())).isEqualTo("E");
        assertThat(done(directory.hierarchy(master, HierarchyQuery.wholeAccount()))).extracting(DirectoryNode::id)
                .doesNotContain(tech);
        assertThat(directory.user(master, tech)).isEqualTo(missing(Reference.NODE));
        assertThat(directory.deleteNode(master, tech)).isEqualTo(missing(Reference.NODE));
        assertThat(D.events("USER", account.a().offlineTechUserId())).containsExactly("DELETED");
        assertThat(D.fx.core().presence().heartbeat(techCookie, PresenceStatus.ONLINE).name())
                .isEqualTo("NOT_LOGGED_IN");

        DirectoryNode empty = group(master, account.a().techGroupId(), "Empty");
        done(directory.assignChannel(master, empty.id(), account.a().channelId()));
        done(directory.deleteNode(master, empty.id()));
        assertThat(D.folderListGroups(account.a().folderListId())).doesNotContain(empty.id());
        assertThat(D.value("SELECT COUNT(*) FROM channel_assignment WHERE group_id = ?1", Long.class, empty.id()))
                .isZero();
        assertThat(D.events("NODE", empty.id())).containsExactly("CREATED", "DELETED");
    }

    @Test
    void aUserWithTwoNodesKeepsTheOtherWhenOneIsDeleted() {
        var account = D.account();
        Requester master = D.master(account);
        long adminNode = D.fx.core().accounts().createNode(null, account.id(), NodeKind.ADMINISTRATOR,
                account.a().adminGroupId(), "Online Tech").getId();
        D.fx.db().doInTransaction(s -> s.get(User.class, account.a().onlineTechUserId()).setAdminNodeId(adminNode));
        done(directory.deleteNode(master, adminNode));
        assertThat(D.value("SELECT CONCAT(status, ' ', tech_node_id, ' ', COALESCE(admin_node_id, '-')) FROM app_user"
                + " WHERE id = ?1", String.class, account.a().onlineTechUserId()))
                .isEqualTo("ENABLED " + account.a().onlineTechNodeId() + " -");
    }

    @Test
    void channelsServeTechnicianGroupsOnlyAndAnAssignmentIsMadeOnce() {
        var account = D.account();
        Requester admin = D.admin(account);
        long channel = account.a().channelId();
        DirectoryNode sub = group(admin, account.a().techGroupId(), "Sub");
        DirectoryNode assigned = done(directory.assignChannel(admin, sub.id(), channel));
        assertThat(assigned.channelGroupIds()).containsExactlyInAnyOrder(account.a().techGroupId(), sub.id());
        done(directory.assignChannel(admin, sub.id(), channel));
        assertThat(D.events("NODE", channel)).containsExactly("ASSIGNED");
        assertThat(directory.assignChannel(admin, account.a().onlineTechNodeId(), channel))
                .as("a technician: put them in a group the channel serves")
                .isEqualTo(conflict(Conflict.ASSIGN_NOT_A_TECHNICIAN_GROUP));
        assertThat(directory.assignChannel(D.master(account), account.a().adminGroupId(), channel))
                .isEqualTo(conflict(Conflict.ASSIGN_NOT_A_TECHNICIAN_GROUP));
        assertThat(directory.assignChannel(admin, sub.id(), account.a().onlineTechNodeId()))
                .isEqualTo(missing(Reference.ENTRY));
        done(directory.unassignChannel(admin, sub.id(), channel));
        assertThat(directory.unassignChannel(admin, sub.id(), channel)).isEqualTo(conflict(Conflict.UNASSIGN_NOT_ASSIGNED));
        assertThat(D.events("NODE", channel)).containsExactly("ASSIGNED", "UNASSIGNED");
        assertThat(done(directory.node(admin, channel)).channelGroupIds()).containsExactly(account.a().techGroupId());
    }

    @Test
    void anOrganisationNodeKeepsItsNameAndStatus() {
        var account = D.account();
        Requester master = D.master(account);
        long technicians = D.organisation(account, NodeKind.TECHNICIANS);
        assertThat(directory.changeGroup(master, new GroupChange(technicians, "Techs", null, null)))
                .isEqualTo(conflict(Conflict.CHANGE_ORGANISATION_NODE));
        DirectoryNode changed = done(directory.changeGroup(master, new GroupChange(account.a().techGroupId(), "Tier 1",
                "DISABLED", "first line")));
        assertThat(changed).extracting(DirectoryNode::name, DirectoryNode::status, DirectoryNode::description)
                .containsExactly("Tier 1", NodeStatus.DISABLED, "first line");
        assertThat(directory.changeGroup(master, new GroupChange(account.a().onlineTechNodeId(), "x", null, null)))
                .as("a technician is changed as a user").isEqualTo(missing(Reference.NODE));
    }

    @Test
    void theHierarchyIsWhatTheCallerReachesParentsFirst() {
        var account = D.account();
        Requester admin = D.admin(account);
        DirectoryNode sub = group(admin, account.a().techGroupId(), "Sub");
        List<Long> ids = done(directory.hierarchy(admin, HierarchyQuery.wholeAccount())).stream()
                .map(DirectoryNode::id).toList();
        assertThat(ids).as("groups before people, channels last").containsExactly(account.a().techGroupId(),
                sub.id(), account.a().onlineTechNodeId(), account.a().offlineTechNodeId(), account.a().channelId());
        List<DirectoryNode> all = done(directory.hierarchy(D.master(account), HierarchyQuery.wholeAccount()));
        assertThat(all.get(0).kind()).isEqualTo(NodeKind.ROOT);
        assertThat(all).extracting(DirectoryNode::kind).contains(NodeKind.MASTER_ADMINISTRATOR, NodeKind.ADMINISTRATOR);
        assertThat(done(directory.hierarchy(admin, new HierarchyQuery(true, account.a().techGroupId(), true))))
                .as("online technicians only").extracting(DirectoryNode::id)
                .containsExactly(account.a().techGroupId(), sub.id(), account.a().onlineTechNodeId());
        assertThat(directory.hierarchy(admin, HierarchyQuery.beneath(account.a().adminGroupId())))
                .isEqualTo(outOfReach(Reference.NODE));
        assertThat(directory.hierarchy(admin, new HierarchyQuery(null, null, false)))
                .isInstanceOf(DirectoryOutcome.Invalid.class);
        DirectoryNode tech = all.stream().filter(n -> n.id() == account.a().onlineTechNodeId()).findFirst().orElseThrow();
        assertThat(tech.person().presence()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(done(directory.group(admin, account.a().techGroupId())).name()).isEqualTo("Technicians");
        assertThat(directory.group(admin, account.a().channelId())).isEqualTo(missing(Reference.NODE));
    }

    @Test
    void twoCrossingMovesAtOnceNeverMakeACycle() throws Exception {
        var account = D.account();
        Requester first = D.master(account);
        Requester second = D.master(account);
        for (int round = 0; round < 5; round++) {
            long a = group(first, account.a().techGroupId(), "A" + round).id();
            long b = group(first, account.a().techGroupId(), "B" + round).id();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            var aUnderB = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                await(start);
                return directory.moveNode(first, a, b);
            });
            var bUnderA = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                await(start);
                return directory.moveNode(second, b, a);
            });
            List<DirectoryOutcome<DirectoryNode>> outcomes = List.of(aUnderB.get(), bUnderA.get());
            assertThat(outcomes).filteredOn(o -> o instanceof DirectoryOutcome.Done).hasSize(1);
            assertThat(outcomes).contains(conflict(Conflict.MOVE_INTO_ITSELF));
            long parentOfA = D.value("SELECT parent_id FROM node WHERE id = ?1", Long.class, a);
            long parentOfB = D.value("SELECT parent_id FROM node WHERE id = ?1", Long.class, b);
            assertThat(parentOfA == b ^ parentOfB == a).as("exactly one under the other").isTrue();
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nothingOfAnotherAccountIsVisibleOrChangeable() {
        var mine = D.account();
        var theirs = D.account();
        Requester master = D.master(mine);
        long node = theirs.a().offlineTechNodeId();
        long group = theirs.a().techGroupId();
        long channel = theirs.a().channelId();
        List<Function<Requester, DirectoryOutcome<?>>> calls = List.of(
                r -> directory.hierarchy(r, HierarchyQuery.beneath(group)),
                r -> directory.group(r, group),
                r -> directory.user(r, node),
                r -> directory.node(r, channel),
                r -> directory.createUser(r, new NewUser(group, "X", null, null, null, null)),
                r -> directory.changeUser(r, new UserChange(node, "X", null, null, null, null, null, null, null, null)),
                r -> directory.changeUserStatus(r, node, "disabled"),
                r -> directory.createGroup(r, new NewGroup(group, "X", null, null)),
                r -> directory.changeGroup(r, new GroupChange(group, "X", null, null)),
                r -> directory.moveNode(r, node, group),
                r -> directory.moveNode(r, mine.a().offlineTechNodeId(), group),
                r -> directory.deleteNode(r, node),
                r -> directory.assignChannel(r, group, channel),
                r -> directory.assignChannel(r, mine.a().techGroupId(), channel),
                r -> directory.unassignChannel(r, group, channel));
        for (var call : calls) {
            assertThat(call.apply(master)).isInstanceOf(DirectoryOutcome.Missing.class);
        }
        assertThat(done(directory.hierarchy(master, HierarchyQuery.wholeAccount()))).extracting(DirectoryNode::accountId)
                .containsOnly(mine.id());
        assertThat(D.value("SELECT COUNT(*) FROM event WHERE account_id = ?1", Long.class, theirs.id())).isZero();
    }
}
