package io.sessiongate.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.admin.AccountCreated;
import io.sessiongate.api.admin.CreateAccount;
import io.sessiongate.api.admin.CreateFolderList;
import io.sessiongate.api.admin.CreateRole;
import io.sessiongate.api.admin.CreateUser;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.FolderListPatch;
import io.sessiongate.api.admin.FolderListView;
import io.sessiongate.api.admin.HierarchyView;
import io.sessiongate.api.admin.NodeView;
import io.sessiongate.api.admin.RolePatch;
import io.sessiongate.api.admin.RoleView;
import io.sessiongate.api.admin.UserPatch;
import io.sessiongate.api.admin.UserView;
import io.sessiongate.api.admin.WebSessionPatch;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Roles and folder lists administered, against MariaDB: their rules (every broken one at once, only the
 * account's own groups and folder lists), their versions, the refusal to delete one in use, who may, and a
 * change reaching a live login at its next refresh.
 */
class RoleAndFolderListAdministrationTest {

    private static final CoreFixture FX = CoreFixture.on(Clock.systemUTC());
    private static final CoreServicesView CORE = new CoreServicesView();
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The administration services under test. */
    private static final class CoreServicesView {
        final RoleAdministration roles = FX.core().administration().roles();
        final FolderListAdministration lists = FX.core().administration().folderLists();
        final DirectoryAdministration directory = FX.core().administration().directory();
    }

    /** An account as the operator makes it, its API token, its groups. */
    private record Site(String key, Credentials token, long techGroup, long adminGroup, long technicians,
                        long channel) {
    }

    private static Site site() {
        String key = "rf" + ProcessHandle.current().pid() + "x" + SEQ.incrementAndGet() + "x"
                + Long.toHexString(System.nanoTime() & 0xffff);
        AccountCreated made = done(FX.core().administration().accounts().create(new CreateAccount(key, "Site " + key,
                new CreateAccount.MasterAdministrator("owner@" + key + ".example", "Owner", "owner password"))));
        Credentials token = Credentials.apiToken(made.apiToken().token());
        HierarchyView tree = done(CORE.directory.hierarchy(token, key, null, List.of()));
        long technicians = id(tree, "TECHNICIANS");
        long administrators = id(tree, "ADMINISTRATORS");
        long techGroup = done(CORE.directory.createGroup(token, key, new io.sessiongate.api.admin.CreateGroup(
                technicians, null, "Team", null, null))).id();
        long adminGroup = done(CORE.directory.createGroup(token, key, new io.sessiongate.api.admin.CreateGroup(
                administrators, null, "Admins", null, null))).id();
        long channel = done(CORE.directory.createChannel(token, key, new io.sessiongate.api.admin.CreateChannel(
                "Desk", null, null))).id();
        return new Site(key, token, techGroup, adminGroup, technicians, channel);
    }

    private static long id(HierarchyView tree, String kind) {
        return tree.nodes().stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow().id();
    }

    private static <T> T done(AdminOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(AdminOutcome.Done.class);
        return ((AdminOutcome.Done<T>) outcome).value();
    }

    private static List<String> errors(AdminOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(AdminOutcome.Invalid.class);
        return ((AdminOutcome.Invalid<?>) outcome).errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    private static List<String> events(String type, long id) {
        return FX.db().inTransaction(s -> s.createNativeQuery("SELECT action FROM event WHERE object_type = ?1"
                + " AND object_id = ?2 ORDER BY id", String.class).setParameter(1, type).setParameter(2, id)
                .getResultList());
    }

    @Test
    void aRoleIsMadeChangedUnderItsVersionAndDeletedOnceNoUserWhoIsNotDeletedHoldsIt() {
        Site a = site();
        Site b = site();
        FolderListView team = done(CORE.lists.create(a.token(), a.key(), new CreateFolderList("Team",
                List.of(a.techGroup()))));
        FolderListView theirs = done(CORE.lists.create(b.token(), b.key(), new CreateFolderList("Theirs", List.of())));
        assertThat(errors(CORE.roles.create(a.token(), a.key(), new CreateRole(" ", "BOSS", 5000, theirs.id(), null))))
                .containsExactly("name REQUIRED", "kind UNKNOWN_VALUE", "priority OUT_OF_RANGE",
                        "folderListId UNKNOWN_ID");
        assertThat(errors(CORE.roles.create(a.token(), a.key(), new CreateRole("Administrator", "ADMINISTRATOR", 5,
                team.id(), null)))).as("made with the account").containsExactly("name TAKEN");
        RoleView lead = done(CORE.roles.create(a.token(), a.key(), new CreateRole(" Team lead ", "ADMINISTRATOR", 25,
                team.id(), null)));
        assertThat(lead).isEqualTo(new RoleView(lead.id(), "Team lead", "ADMINISTRATOR", 25, team.id(), false, 0));

        Versioned<RoleView> changed = done(CORE.roles.patch(a.token(), a.key(), lead.id(), 0L, new RolePatch(null,
                null, 26, null, null)));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.value().priority()).isEqualTo(26);
        assertThat(CORE.roles.patch(a.token(), a.key(), lead.id(), 0L, new RolePatch("Lead", null, null, null, null)))
                .isEqualTo(new AdminOutcome.PreconditionFailed<>());
        assertThat(CORE.roles.get(b.token(), b.key(), lead.id())).as("another account's").isEqualTo(
                new AdminOutcome.NotFound<>());

        UserView ann = done(CORE.directory.createUser(a.token(), a.key(), new CreateUser("ann@" + a.key() + ".example",
                "Ann", "ann password", null, a.adminGroup(), List.of(lead.id()), null)));
        assertThat(CORE.roles.delete(a.token(), a.key(), lead.id()))
                .isEqualTo(new AdminOutcome.Conflict<>("ROLE_IN_USE", "1 user holds this role: give them another one"
                        + " first"));
        done(CORE.directory.patchUser(a.token(), a.key(), ann.userId(), null, new UserPatch(null, null, null, null,
                null, null, "DELETED", null, null)));
        assertThat(done(CORE.roles.delete(a.token(), a.key(), lead.id())).name()).isEqualTo("Team lead");
        assertThat(CORE.roles.get(a.token(), a.key(), lead.id())).isEqualTo(new AdminOutcome.NotFound<>());
        assertThat(events("ROLE", lead.id())).containsExactly("CREATED", "CHANGED", "DELETED");
        assertThat(done(CORE.roles.list(a.token(), a.key(), new PageQuery(0, 50))).items()).extracting(RoleView::name)
                .containsExactly("Master Administrator", "Administrator", "Technician", "Anonymous");
    }

    @Test
    void aFolderListHoldsOnlyTheAccountsGroupsAndIsDeletedOnlyWhenNoRoleOrUserNamesIt() {
        Site a = site();
        Site b = site();
        UserView tom = done(CORE.directory.createUser(a.token(), a.key(), new CreateUser("tom@" + a.key() + ".example",
                "Tom", "tom password", a.techGroup(), null, null, null)));
        assertThat(CORE.lists.create(a.token(), a.key(), new CreateFolderList("", List.of(tom.technicianNodeId(),
                a.channel(), b.techGroup(), a.techGroup()))))
                .isEqualTo(new AdminOutcome.Invalid<>(List.of(new FieldError("name", "REQUIRED", "name is mandatory."),
                        new FieldError("groupIds", "UNKNOWN_ID", "not groups of the account: "
                                + new java.util.TreeSet<>(List.of(tom.technicianNodeId(), a.channel(), b.techGroup()))
                                + "."))));
        FolderListView list = done(CORE.lists.create(a.token(), a.key(), new CreateFolderList("Team",
                List.of(a.techGroup(), a.technicians(), a.techGroup()))));
        assertThat(list.groupIds()).containsExactly(Math.min(a.techGroup(), a.technicians()),
                Math.max(a.techGroup(), a.technicians()));
        assertThat(errors(CORE.lists.create(a.token(), a.key(), new CreateFolderList("Team", List.of()))))
                .containsExactly("name TAKEN");
        Versioned<FolderListView> renamed = done(CORE.lists.patch(a.token(), a.key(), list.id(), 0L,
                new FolderListPatch("Team only", List.of(a.techGroup()))));
        assertThat(renamed.value()).isEqualTo(new FolderListView(list.id(), "Team only", List.of(a.techGroup()), 1));

        RoleView role = done(CORE.roles.create(a.token(), a.key(), new CreateRole("Lead", "ADMINISTRATOR", 25,
                list.id(), null)));
        done(CORE.directory.patchUser(a.token(), a.key(), tom.userId(), null, new UserPatch(null, null, null, null,
                null, null, null, null, list.id())));
        assertThat(CORE.lists.delete(a.token(), a.key(), list.id())).isEqualTo(new AdminOutcome.Conflict<>(
                "FOLDER_LIST_IN_USE", "this folder list is named by 1 role(s) and 1 user(s): give them another one first"));
        done(CORE.roles.delete(a.token(), a.key(), role.id()));
        done(CORE.directory.patchUser(a.token(), a.key(), tom.userId(), null, new UserPatch(null, null, null, null,
                null, null, null, null, 0L)));
        assertThat(done(CORE.directory.user(a.token(), a.key(), tom.userId())).value().folderListId()).isNull();
        assertThat(done(CORE.lists.delete(a.token(), a.key(), list.id())).name()).isEqualTo("Team only");
        assertThat(events("FOLDER_LIST", list.id())).containsExactly("CREATED", "CHANGED", "DELETED");
    }

    @Test
    void rolesAndFolderListsAreTheWholeAccountsAndAChangeReachesALiveLoginAtItsNextRefresh() {
        Site a = site();
        FolderListView team = done(CORE.lists.create(a.token(), a.key(), new CreateFolderList("Team",
                List.of(a.techGroup()))));
        RoleView lead = done(CORE.roles.create(a.token(), a.key(), new CreateRole("Lead", "ADMINISTRATOR", 25,
                team.id(), null)));
        String email = "lea@" + a.key() + ".example";
        done(CORE.directory.createUser(a.token(), a.key(), new CreateUser(email, "Lea", "lea password", null,
                a.adminGroup(), List.of(lead.id()), null)));
        Credentials lea = FX.cookieOf(email, "lea password");
        assertThat(CORE.roles.list(lea, a.key(), new PageQuery(0, 50))).isEqualTo(new AdminOutcome.Forbidden<>(
                "WHOLE_ACCOUNT_REQUIRED", "only a master administrator or an API token may do this"));
        assertThat(CORE.lists.create(lea, a.key(), new CreateFolderList("Mine", List.of())))
                .isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(reached(lea, a)).contains(a.techGroup()).doesNotContain(a.adminGroup());

        done(CORE.lists.patch(a.token(), a.key(), team.id(), null, new FolderListPatch(null, List.of(a.adminGroup()))));
        assertThat(reached(lea, a)).as("the login keeps its snapshot").contains(a.techGroup())
                .doesNotContain(a.adminGroup());
        long session = FX.db().inTransaction(s -> s.createNativeQuery("SELECT id FROM web_session WHERE token_hash = ?1",
                Long.class).setParameter(1, io.sessiongate.core.websession.SecureTokens.hash(lea.cookieToken()))
                .getSingleResult());
        done(FX.core().administration().webSessions().patch(a.token(), a.key(), session, null,
                new WebSessionPatch(null, null, true)));
        assertThat(reached(lea, a)).as("refreshed").contains(a.adminGroup()).doesNotContain(a.techGroup());
    }

    private static List<Long> reached(Credentials who, Site a) {
        return done(CORE.directory.hierarchy(who, a.key(), null, List.of())).nodes().stream().map(NodeView::id)
                .toList();
    }
}
