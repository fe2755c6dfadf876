package io.sessiongate.core.account;

import static io.sessiongate.core.account.DirectoryFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.core.account.DirectoryOutcome.Conflict;
import io.sessiongate.core.account.DirectoryOutcome.Reason;
import io.sessiongate.core.account.DirectoryOutcome.Reference;
import io.sessiongate.core.account.FieldError.Field;
import io.sessiongate.core.account.FieldError.Rule;
import io.sessiongate.core.testing.CoreFixture;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the directory service gained for the JSON administration API, against MariaDB: a user holding two nodes,
 * roles and folder lists given by the whole account only, changes under the version the caller read, a node's
 * change (rename, move, enable) in one event, the reach told apart from a missing node, users read and listed
 * by id.
 */
class DirectoryChangesTest {

    private static final DirectoryFixture D = new DirectoryFixture(CoreFixture.on(Clock.systemUTC()));
    private static final DirectoryService directory = D.directory;

    private static <T> DirectoryOutcome<T> outOfReach(Reference r) {
        return new DirectoryOutcome.Forbidden<>(r, Reason.OUTSIDE_REACH);
    }

    private static List<String> errors(DirectoryOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(DirectoryOutcome.Invalid.class);
        return ((DirectoryOutcome.Invalid<?>) outcome).errors().stream().map(e -> e.field() + " " + e.rule()).toList();
    }

    @Test
    void aUserMadeInATechnicianAndAnAdministratorGroupHoldsTwoNodesWithTheRoleOfEach() {
        var account = D.account();
        String email = "both@" + account.a().siteKey() + ".example";
        DirectoryUser made = done(directory.createPerson(D.master(account), NewUser.placed(account.a().techGroupId(),
                account.a().adminGroupId(), "Bo Both", email, "both password", null, null, null)));
        assertThat(made.technicianNodeId()).isNotNull().isNotEqualTo(made.administratorNodeId());
        assertThat(made.technicianGroupId()).isEqualTo(account.a().techGroupId());
        assertThat(made.administratorGroupId()).isEqualTo(account.a().adminGroupId());
        assertThat(made.administratorKind()).isEqualTo(NodeKind.ADMINISTRATOR);
        assertThat(made.status()).isEqualTo(UserStatus.ENABLED);
        assertThat(made.roleIds()).containsExactlyInAnyOrder(account.a().techRoleId(), account.a().adminRoleId());
        assertThat(D.value("SELECT CONCAT(tech_node_id, '/', admin_node_id) FROM app_user WHERE id = ?1", String.class,
                made.userId())).isEqualTo(made.technicianNodeId() + "/" + made.administratorNodeId());
        List<DirectoryNode> tree = done(directory.hierarchy(D.master(account), HierarchyQuery.wholeAccount()));
        assertThat(tree).filteredOn(n -> n.person() != null && n.person().userId() == made.userId())
                .extracting(DirectoryNode::kind, DirectoryNode::name)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(NodeKind.TECHNICIAN, "Bo Both"),
                        org.assertj.core.groups.Tuple.tuple(NodeKind.ADMINISTRATOR, "Bo Both"));
        assertThat(D.events("USER", made.userId())).containsExactly("CREATED");
        assertThat(D.value("SELECT after_state FROM event WHERE object_type = 'USER' AND object_id = ?1", String.class,
                made.userId())).contains("\"otherNodeId\":" + made.administratorNodeId());
        assertThat(D.fx.core().logins().login(email, "both password", null, null).result()).isEqualTo(LoginResult.OK);

        // renamed, both nodes follow; deleted through one node, the user keeps the other
        done(directory.changePerson(D.master(account), UserChange.ofUser(made.userId(), made.version(), "Bo",
                null, null, null, null, null, null, null, null, false)));
        assertThat(D.value("SELECT GROUP_CONCAT(name) FROM node WHERE id IN (?1, ?2)", String.class,
                made.technicianNodeId(), made.administratorNodeId())).isEqualTo("Bo,Bo");
        done(directory.deleteNode(D.master(account), made.administratorNodeId()));
        DirectoryUser kept = done(directory.userById(D.master(account), made.userId()));
        assertThat(kept.administratorNodeId()).isNull();
        assertThat(kept.technicianNodeId()).isEqualTo(made.technicianNodeId());
        assertThat(kept.status()).isEqualTo(UserStatus.ENABLED);
    }

    @Test
    void aUserIsPlacedByRoleInGroupsThatCanHoldThatRoleAndNeedsAtLeastOnePlace() {
        var account = D.account();
        String site = account.a().siteKey();
        assertThat(errors(directory.createPerson(D.master(account), NewUser.placed(account.a().adminGroupId(),
                account.a().techGroupId(), "X", "x@" + site + ".example", "x password", null, null, null))))
                .containsExactly("TECHNICIAN_PARENT CANNOT_HOLD", "ADMINISTRATOR_PARENT CANNOT_HOLD");
        assertThat(errors(directory.createPerson(D.master(account), NewUser.placed(null, null, "X", "not an email",
                "short", null, null, null))))
                .containsExactly("TECHNICIAN_PARENT REQUIRED", "EMAIL MALFORMED", "PASSWORD TOO_SHORT");
        assertThat(directory.createPerson(D.master(account), NewUser.placed(999_999_999L, null, "X", null, null, null,
                null, null))).isEqualTo(new DirectoryOutcome.Missing<>(Reference.TECHNICIAN_PARENT));
        long masters = D.organisation(account, NodeKind.MASTER_ADMINISTRATORS);
        assertThat(directory.createPerson(D.admin(account), NewUser.placed(null, masters, "X", null, null, null, null,
                null))).isEqualTo(outOfReach(Reference.ADMINISTRATOR_PARENT));
        DirectoryUser master = done(directory.createPerson(D.master(account), NewUser.placed(null, masters, "M2",
                "m2@" + site + ".example", "m2 password", null, null, null)));
        assertThat(master.administratorKind()).isEqualTo(NodeKind.MASTER_ADMINISTRATOR);
        assertThat(master.technicianNodeId()).isNull();
    }

    @Test
    void onlyTheWholeAccountGivesRolesAndFolderListsAndOnlyTheAccountsOwn() {
        var account = D.account();
        String site = account.a().siteKey();
        var theirs = D.account();
        assertThat(directory.createPerson(D.admin(account), NewUser.placed(account.a().techGroupId(), null, "T",
                "t@" + site + ".example", "t password", null, List.of(account.a().adminRoleId()), null)))
                .isEqualTo(new DirectoryOutcome.Forbidden<>(Reference.NODE, Reason.WHOLE_ACCOUNT_REQUIRED));
        assertThat(errors(directory.createPerson(D.master(account), NewUser.placed(account.a().techGroupId(), null, "T",
                "t@" + site + ".example", "t password", null, List.of(theirs.a().techRoleId()),
                theirs.a().folderListId())))).containsExactly("ROLES UNKNOWN_ID", "FOLDER_LIST UNKNOWN_ID");
        DirectoryUser made = done(directory.createPerson(D.master(account), NewUser.placed(account.a().techGroupId(),
                null, "T", "t@" + site + ".example", "t password", null, List.of(account.a().adminRoleId()),
                account.a().folderListId())));
        assertThat(made.roleIds()).containsExactly(account.a().adminRoleId());
        assertThat(made.folderListId()).isEqualTo(account.a().folderListId());

        assertThat(directory.changePerson(D.admin(account), UserChange.ofUser(made.userId(), null, null, null, null,
                null, null, null, null, List.of(), null, false)))
                .isEqualTo(new DirectoryOutcome.Forbidden<>(Reference.NODE, Reason.WHOLE_ACCOUNT_REQUIRED));
        DirectoryUser changed = done(directory.changePerson(D.master(account), UserChange.ofUser(made.userId(),
                made.version(), null, null, null, null, null, null, null, List.of(account.a().techRoleId()), null,
                true)));
        assertThat(changed.roleIds()).containsExactly(account.a().techRoleId());
        assertThat(changed.folderListId()).isNull();
        assertThat(changed.version()).isGreaterThan(made.version());
        assertThat(D.value("SELECT after_state FROM event WHERE object_type = 'USER' AND object_id = ?1"
                + " AND action = 'CHANGED'", String.class, made.userId()))
                .contains("\"roleIds\":[" + account.a().techRoleId() + "]", "\"folderListId\":null");
    }

    @Test
    void aChangeUnderAVersionThatIsNoLongerTheRowsIsRefusedAndWritesNothing() {
        var account = D.account();
        Requester master = D.master(account);
        DirectoryNode group = done(directory.node(master, account.a().techGroupId()));
        DirectoryNode renamed = done(directory.changeNode(master, new NodeChange(group.id(), group.version(), "Tier 1",
                null, null, null)));
        assertThat(renamed.version()).isEqualTo(group.version() + 1);
        assertThat(directory.changeNode(master, new NodeChange(group.id(), group.version(), "Tier 2", null, null,
                null))).isEqualTo(new DirectoryOutcome.Stale<>());
        assertThat(done(directory.node(master, group.id())).name()).isEqualTo("Tier 1");

        DirectoryUser tech = done(directory.userById(master, account.a().offlineTechUserId()));
        done(directory.changePerson(master, UserChange.ofUser(tech.userId(), tech.version(), "Olive", null, null, null,
                null, null, null, null, null, false)));
        assertThat(directory.changePerson(master, UserChange.ofUser(tech.userId(), tech.version(), null, null, null,
                null, null, null, "Disabled", null, null, false))).isEqualTo(new DirectoryOutcome.Stale<>());
        assertThat(done(directory.userById(master, tech.userId())).status()).isEqualTo(UserStatus.ENABLED);
        assertThat(D.events("USER", tech.userId())).containsExactly("CHANGED");
        assertThat(D.events("NODE", group.id())).containsExactly("CHANGED");
    }

    @Test
    void aNodeChangeRenamesDisablesAndMovesInOneEventAndAPersonsNameAndStatusAreTheirUsers() {
        var account = D.account();
        Requester master = D.master(account);
        long technicians = D.organisation(account, NodeKind.TECHNICIANS);
        DirectoryNode sub = done(directory.createGroup(master, new NewGroup(technicians, "Tier 2", null, null)));
        DirectoryNode moved = done(directory.changeNode(master, new NodeChange(sub.id(), null, "Tier 2 EU", "night",
                "disabled", account.a().techGroupId())));
        assertThat(moved).extracting(DirectoryNode::parentId, DirectoryNode::name, DirectoryNode::status,
                DirectoryNode::description).containsExactly(account.a().techGroupId(), "Tier 2 EU", NodeStatus.DISABLED,
                "night");
        assertThat(D.events("NODE", sub.id())).containsExactly("CREATED", "CHANGED");
        assertThat(D.value("SELECT after_state FROM event WHERE object_type = 'NODE' AND object_id = ?1"
                + " AND action = 'CHANGED'", String.class, sub.id()))
                .contains("\"name\":\"Tier 2 EU\"", "\"parentId\":" + account.a().techGroupId(), "\"joinedFolderLists\"");
        assertThat(D.folderListGroups(account.a().folderListId())).contains(sub.id());

        long tech = account.a().offlineTechNodeId();
        assertThat(errors(directory.changeNode(master, new NodeChange(tech, null, "Olive", null, "disabled", null))))
                .containsExactly("NAME NOT_ALLOWED", "STATUS NOT_ALLOWED");
        DirectoryNode techMoved = done(directory.changeNode(master, new NodeChange(tech, null, null, null, null,
                sub.id())));
        assertThat(techMoved.parentId()).isEqualTo(sub.id());
        assertThat(D.events("USER", account.a().offlineTechUserId())).containsExactly("MOVED");
        assertThat(directory.changeNode(master, new NodeChange(tech, null, null, null, null,
                account.a().adminGroupId()))).isEqualTo(new DirectoryOutcome.Conflicting<>(Conflict.MOVE_WRONG_KIND));
        assertThat(directory.changeNode(master, new NodeChange(account.a().techGroupId(), null, null, null, null,
                sub.id()))).isEqualTo(new DirectoryOutcome.Conflicting<>(Conflict.MOVE_INTO_ITSELF));
        assertThat(directory.changeNode(master, new NodeChange(technicians, null, "Techs", null, null, null)))
                .isEqualTo(new DirectoryOutcome.Conflicting<>(Conflict.CHANGE_ORGANISATION_NODE));
        assertThat(directory.changeNode(master, new NodeChange(sub.id(), null, null, null, null, tech)))
                .as("a technician is no parent").isEqualTo(new DirectoryOutcome.Missing<>(Reference.TARGET));
    }

    @Test
    void aNodeOfTheAccountOutsideTheFolderListIsForbiddenAndAnotherAccountsIsMissing() {
        var account = D.account();
        var theirs = D.account();
        Requester admin = D.admin(account);
        assertThat(directory.node(admin, account.a().adminGroupId())).isEqualTo(outOfReach(Reference.NODE));
        assertThat(directory.node(admin, theirs.a().techGroupId()))
                .isEqualTo(new DirectoryOutcome.Missing<>(Reference.NODE));
        assertThat(directory.changeNode(admin, new NodeChange(account.a().offlineTechNodeId(), null, null, null, null,
                account.a().adminGroupId()))).isEqualTo(outOfReach(Reference.TARGET));
        assertThat(directory.userById(admin, account.masterUserId())).isEqualTo(outOfReach(Reference.NODE));
        assertThat(directory.userById(admin, theirs.a().adminUserId()))
                .isEqualTo(new DirectoryOutcome.Missing<>(Reference.NODE));
        assertThat(directory.createChannel(admin, new NewChannel("Mine", null, null)))
                .isEqualTo(outOfReach(Reference.PARENT));
        assertThat(D.value("SELECT COUNT(*) FROM event WHERE account_id = ?1 AND object_type IN ('NODE', 'USER')",
                Long.class, account.id())).isZero();
    }

    @Test
    void aGroupMadeByKindWithoutAParentGoesAtTheTopOfItsKind() {
        var account = D.account();
        DirectoryNode made = done(directory.createGroup(D.master(account), new NewGroup(null, "Admins 2", null, null,
                "administrator_group")));
        assertThat(made.kind()).isEqualTo(NodeKind.ADMINISTRATOR_GROUP);
        assertThat(made.parentId()).isEqualTo(D.organisation(account, NodeKind.ADMINISTRATORS));
        assertThat(errors(directory.createGroup(D.master(account), new NewGroup(account.a().techGroupId(), "G", null,
                null, "ADMINISTRATOR_GROUP")))).containsExactly("PARENT CANNOT_HOLD");
        assertThat(errors(directory.createGroup(D.master(account), new NewGroup(null, "G", null, null, "CHANNEL"))))
                .containsExactly("KIND UNKNOWN_VALUE");
        assertThat(directory.createGroup(D.admin(account), new NewGroup(null, "G", null, null, "TECHNICIAN_GROUP")))
                .as("Technicians is beyond a folder list of one group").isEqualTo(outOfReach(Reference.PARENT));
    }

    @Test
    void theUsersListedAreThoseTheCallerReachesByStatusInPages() {
        var account = D.account();
        Requester master = D.master(account);
        DirectoryUser.Page all = done(directory.users(master, null, 0, 2));
        assertThat(all.users()).extracting(DirectoryUser::userId)
                .containsExactly(account.a().adminUserId(), account.a().onlineTechUserId());
        DirectoryUser.Page rest = done(directory.users(master, null, all.nextAfterId(), 2));
        assertThat(rest.users()).extracting(DirectoryUser::userId)
                .containsExactly(account.a().offlineTechUserId(), account.masterUserId());
        assertThat(rest.nextAfterId()).isNull();
        assertThat(done(directory.users(D.admin(account), null, 0, 50)).users()).extracting(DirectoryUser::userId)
                .as("the folder list holds the technicians' group only")
                .containsExactly(account.a().onlineTechUserId(), account.a().offlineTechUserId());
        done(directory.changeUserStatus(master, account.a().offlineTechNodeId(), "deleted"));
        assertThat(done(directory.users(master, null, 0, 50)).users()).extracting(DirectoryUser::userId)
                .doesNotContain(account.a().offlineTechUserId());
        DirectoryUser deleted = done(directory.users(master, "DELETED", 0, 50)).users().get(0);
        assertThat(deleted.userId()).isEqualTo(account.a().offlineTechUserId());
        assertThat(deleted.technicianNodeId()).as("a deleted user's nodes are gone").isNull();
        assertThat(directory.changePerson(master, UserChange.ofUser(deleted.userId(), null, null, null, null, null,
                null, null, "enabled", null, null, false)))
                .isEqualTo(new DirectoryOutcome.Conflicting<>(Conflict.USER_DELETED));
        assertThat(directory.users(master, "gone", 0, 50)).isEqualTo(new DirectoryOutcome.Invalid<>(List.of(
                FieldError.of(Field.STATUS, Rule.UNKNOWN_VALUE, "The status is Enabled, Disabled or Deleted."))));
        assertThat(Set.copyOf(done(directory.users(master, "enabled", 0, 50)).users().stream()
                .map(DirectoryUser::status).toList())).containsExactly(UserStatus.ENABLED);
    }
}
