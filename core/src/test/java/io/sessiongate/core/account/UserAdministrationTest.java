package io.sessiongate.core.account;

import static io.sessiongate.core.account.DirectoryFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.account.DirectoryOutcome.Reference;
import io.sessiongate.core.account.FieldError.Field;
import io.sessiongate.core.account.FieldError.Rule;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The directory service's rules about users, against MariaDB: made, changed, enabled, disabled, deleted. */
class UserAdministrationTest {

    private static final DirectoryFixture D = new DirectoryFixture(CoreFixture.on(Clock.systemUTC()));
    private static final DirectoryService directory = D.directory;

    private static NewUser user(long parent, String email) {
        return new NewUser(parent, "Tess Tech", email, "a good password", null, "night shift");
    }

    @Test
    void aTechnicianMadeInATechnicianGroupCanLogInAtOnceWithTheAccountsTechnicianRole() {
        var account = D.account();
        DirectoryNode made = done(directory.createUser(D.admin(account),
                user(account.a().techGroupId(), "Tess@" + account.a().siteKey() + ".example")));
        assertThat(made.kind()).isEqualTo(NodeKind.TECHNICIAN);
        assertThat(made.parentId()).isEqualTo(account.a().techGroupId());
        assertThat(made.name()).isEqualTo("Tess Tech");
        assertThat(made.description()).isEqualTo("night shift");
        assertThat(made.person().email()).as("stored lower-case").isEqualTo("tess@" + account.a().siteKey() + ".example");
        assertThat(made.person().status()).isEqualTo(UserStatus.ENABLED);
        assertThat(D.value("SELECT CONCAT(tech_node_id, ' ', (SELECT GROUP_CONCAT(role_id) FROM user_role"
                        + " WHERE user_id = u.id)) FROM app_user u WHERE id = ?1", String.class,
                made.person().userId())).isEqualTo(made.id() + " " + account.a().techRoleId());
        assertThat(D.events("USER", made.person().userId())).containsExactly("CREATED");
        assertThat(D.fx.core().logins().login(made.person().email(), "a good password", null, null).result())
                .isEqualTo(LoginResult.OK);
    }

    @Test
    void theParentDecidesTheKindAndAMasterAdministratorIsMadeOnlyByOne() {
        var account = D.account();
        long masters = D.organisation(account, NodeKind.MASTER_ADMINISTRATORS);
        String site = account.a().siteKey();
        assertThat(done(directory.createUser(D.admin(account), user(account.a().techGroupId(), "t@" + site + ".example")))
                .kind()).isEqualTo(NodeKind.TECHNICIAN);
        DirectoryNode admin = done(directory.createUser(D.master(account),
                user(account.a().adminGroupId(), "a@" + site + ".example")));
        assertThat(admin.kind()).isEqualTo(NodeKind.ADMINISTRATOR);
        assertThat(D.value("SELECT admin_node_id FROM app_user WHERE id = ?1", Long.class, admin.person().userId()))
                .isEqualTo(admin.id());
        assertThat(done(directory.createUser(D.master(account), user(masters, "m@" + site + ".example"))).kind())
                .isEqualTo(NodeKind.MASTER_ADMINISTRATOR);
        assertThat(directory.createUser(D.admin(account), user(masters, "m2@" + site + ".example")))
                .as("an administrator never reaches the master administrators")
                .isEqualTo(new DirectoryOutcome.Forbidden<>(Reference.PARENT, DirectoryOutcome.Reason.OUTSIDE_REACH));
        assertThat(directory.createUser(D.master(account), user(account.a().channelId(), "c@" + site + ".example")))
                .isEqualTo(new DirectoryOutcome.Invalid<>(java.util.List.of(FieldError.of(Field.PARENT,
                        Rule.CANNOT_HOLD, "A user is made in a technician group or an administrator group, or under"
                                + " Technicians, Administrators or Master Administrators."))));
    }

    @Test
    void everyBrokenFieldRuleIsReportedAtOnceInFieldOrder() {
        var account = D.account();
        DirectoryOutcome<DirectoryNode> outcome = directory.createUser(D.admin(account), new NewUser(
                account.a().techGroupId(), "x".repeat(201), "not an email", "short", "sleeping", "ok\u0000"));
        assertThat(outcome).isInstanceOf(DirectoryOutcome.Invalid.class);
        assertThat(((DirectoryOutcome.Invalid<DirectoryNode>) outcome).errors())
                .extracting(e -> e.field() + " " + e.rule())
                .containsExactly("NAME TOO_LONG", "EMAIL MALFORMED", "PASSWORD TOO_SHORT", "STATUS UNKNOWN_VALUE",
                        "DESCRIPTION CONTROL_CHARACTER");
        assertThat(directory.createUser(D.admin(account), new NewUser(account.a().techGroupId(), "n",
                "a@b.example", "é".repeat(37), null, null))).as("73 bytes: more than bcrypt reads")
                .isInstanceOf(DirectoryOutcome.Invalid.class);
        assertThat(D.value("SELECT COUNT(*) FROM app_user WHERE account_id = ?1", Long.class, account.id()))
                .as("nothing written").isEqualTo(4L);
    }

    @Test
    void anEmailIsUniqueAmongTheAccountsLiveUsersInAnyCase() {
        var account = D.account();
        var elsewhere = D.account();
        assertThat(directory.createUser(D.admin(account), user(account.a().techGroupId(),
                account.a().offlineTechEmail().toUpperCase())))
                .isEqualTo(new DirectoryOutcome.Invalid<>(java.util.List.of(FieldError.of(Field.EMAIL, Rule.TAKEN,
                        "Another user of the account has this email."))));
        assertThat(done(directory.createUser(D.admin(elsewhere), user(elsewhere.a().techGroupId(),
                account.a().offlineTechEmail()))).person().email()).as("another account's address")
                .isEqualTo(account.a().offlineTechEmail());
        // deleted, the address is free again
        done(directory.deleteNode(D.admin(account), account.a().offlineTechNodeId()));
        DirectoryNode again = done(directory.createUser(D.admin(account), user(account.a().techGroupId(),
                account.a().offlineTechEmail())));
        assertThat(again.id()).isNotEqualTo(account.a().offlineTechNodeId());
    }

    @Test
    void aUserMadeWithOnlyAParentIsDisabledUntilGivenAnEmailAndAPassword() {
        var account = D.account();
        DirectoryNode made = done(directory.createUser(D.admin(account),
                new NewUser(account.a().techGroupId(), null, null, null, null, null)));
        assertThat(made.name()).isEqualTo("New Technician");
        assertThat(made.person().email()).isEmpty();
        assertThat(made.person().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(directory.changeUserStatus(D.admin(account), made.id(), "enabled"))
                .isEqualTo(new DirectoryOutcome.Invalid<>(java.util.List.of(FieldError.of(Field.STATUS,
                        Rule.NEEDS_EMAIL_AND_PASSWORD, "A user is enabled once they have an email and a password."))));
        String email = "late@" + account.a().siteKey() + ".example";
        DirectoryNode set = done(directory.changeUser(D.admin(account), new UserChange(made.id(), "Late Tech", "LT",
                email, "late.sso", "a good password", "a good password", null, "ENABLED", "joined late")));
        assertThat(set.person()).isEqualTo(new DirectoryNode.Person(made.person().userId(), email, "LT", "late.sso",
                UserStatus.ENABLED, null));
        assertThat(set.name()).isEqualTo("Late Tech");
        assertThat(set.description()).isEqualTo("joined late");
        assertThat(D.fx.core().logins().login(email, "a good password", null, null).result()).isEqualTo(LoginResult.OK);
        assertThat(D.events("USER", made.person().userId())).containsExactly("CREATED", "CHANGED");
        assertThat(D.value("SELECT after_state FROM event WHERE object_type = 'USER' AND object_id = ?1"
                + " AND action = 'CHANGED'", String.class, made.person().userId()))
                .contains("\"password\":\"changed\"").doesNotContain("a good password");
    }

    @Test
    void disablingAUserEndsTheirWebSessionsAndTheirAuthCodeAtOnce() {
        var account = D.account();
        String email = "second@" + account.a().siteKey() + ".example";
        DirectoryNode second = done(directory.createUser(D.master(account), new NewUser(account.a().adminGroupId(),
                "Second Admin", email, "second password", null, null)));
        Credentials cookie = D.fx.cookieOf(email, "second password");
        Credentials code = Credentials.authCode(D.fx.core().logins().requestAuthCode(email, "second password", null)
                .code());
        TransferRequest transfer = new TransferRequest(account.a().sessionIds().get(0).toString(),
                account.a().onlineTechNodeId().toString(), null, null);

        DirectoryNode disabled = done(directory.changeUserStatus(D.master(account), second.id(), "Disabled"));
        assertThat(disabled.person().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(D.fx.core().transfers().transfer(cookie, transfer)).isEqualTo(TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN);
        assertThat(D.fx.core().transfers().transfer(code, transfer)).isEqualTo(TransferSessionResult.INVALID_SECRET_AUTH_CODE);
        assertThat(D.value("SELECT GROUP_CONCAT(status) FROM web_session WHERE user_id = ?1", String.class,
                second.person().userId())).isEqualTo("E");
        long webSession = D.value("SELECT id FROM web_session WHERE user_id = ?1", Long.class, second.person().userId());
        assertThat(D.events("WEB_SESSION", webSession)).containsExactly("LOGGED_IN", "UPDATED");
        assertThat(D.value("SELECT after_state FROM event WHERE object_type = 'USER' AND object_id = ?1"
                + " AND action = 'CHANGED'", String.class, second.person().userId()))
                .contains("\"status\":\"DISABLED\"", "\"endedWebSessions\":[" + webSession + "]",
                        "\"authCodeRevoked\":true");
        assertThat(D.fx.core().logins().login(email, "second password", null, null).result())
                .isEqualTo(LoginResult.INVALID);

        done(directory.changeUserStatus(D.master(account), second.id(), "ENABLED"));
        assertThat(D.fx.core().transfers().transfer(D.fx.cookieOf(email, "second password"), transfer))
                .as("enabled again, a new login works").isEqualTo(TransferSessionResult.OK);
    }

    @Test
    void aUserDoesNotDisableThemselfAndChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        var account = D.account();
        assertThat(directory.changeUserStatus(D.master(account), account.masterNodeId(), "disabled"))
                .isEqualTo(new DirectoryOutcome.Invalid<>(java.util.List.of(FieldError.of(Field.STATUS, Rule.SELF,
                        "A user does not disable or delete themself."))));
        UserChange newPassword = new UserChange(account.masterNodeId(), null, null, null, null, "a new password",
                null, null, null, null);
        assertThat(directory.changeUser(D.master(account), newPassword)).isInstanceOf(DirectoryOutcome.Invalid.class);
        assertThat(((DirectoryOutcome.Invalid<?>) directory.changeUser(D.master(account), new UserChange(
                account.masterNodeId(), null, null, null, null, "a new password", "a new password", "wrong one",
                null, null))).first().rule()).isEqualTo(Rule.WRONG);
        done(directory.changeUser(D.master(account), new UserChange(account.masterNodeId(), null, null, null, null,
                "a new password", "a new password", DirectoryFixture.MASTER_PASSWORD, null, null)));
        assertThat(D.fx.core().logins().login(account.masterEmail(), "a new password", null, null).result())
                .isEqualTo(LoginResult.OK);
        assertThat(((DirectoryOutcome.Invalid<?>) directory.changeUser(D.admin(account), new UserChange(
                account.a().offlineTechNodeId(), null, null, null, null, "one password", "another one", null, null,
                null))).first().field()).isEqualTo(Field.PASSWORD_CONFIRMATION);
    }

    @Test
    void renamingAUserRenamesTheirNodesAndAnUnchangedValueRecordsNothing() {
        var account = D.account();
        long tech = account.a().offlineTechNodeId();
        DirectoryNode renamed = done(directory.changeUser(D.admin(account), new UserChange(tech, " Olive ", null, null,
                null, null, null, null, null, null)));
        assertThat(renamed.name()).isEqualTo("Olive");
        assertThat(D.value("SELECT CONCAT(n.name, '/', u.name) FROM node n JOIN app_user u ON u.tech_node_id = n.id"
                + " WHERE n.id = ?1", String.class, tech)).isEqualTo("Olive/Olive");
        done(directory.changeUser(D.admin(account), new UserChange(tech, "Olive", null, null, null, "", null, null,
                "Enabled", null)));
        assertThat(D.events("USER", account.a().offlineTechUserId())).containsExactly("CHANGED");
    }

    @Test
    void techniciansDoNotAdministerAndNeitherDoDisabledOrUnknownCallers() {
        var account = D.account();
        Requester tech = Requester.of(D.fx.cookieOf(account.a().onlineTechEmail(), TestAccounts.TECH_PASSWORD));
        assertThat(directory.createGroup(tech, new NewGroup(account.a().techGroupId(), "G", null, null)))
                .isEqualTo(new DirectoryOutcome.Refused<>(Admission.Refusal.NOT_AN_ADMINISTRATOR));
        assertThat(directory.hierarchy(tech, HierarchyQuery.wholeAccount()))
                .isEqualTo(new DirectoryOutcome.Refused<>(Admission.Refusal.NOT_AN_ADMINISTRATOR));
        assertThat(done(directory.account(tech)).techNodeId()).as("getAccount: any user")
                .isEqualTo(account.a().onlineTechNodeId());
        assertThat(directory.deleteNode(Requester.of(Credentials.NONE), account.a().offlineTechNodeId()))
                .isEqualTo(new DirectoryOutcome.Refused<>(Admission.Refusal.NOT_LOGGED_IN));
        assertThat(directory.deleteNode(Requester.of(Credentials.authCode("z".repeat(80))),
                account.a().offlineTechNodeId()))
                .isEqualTo(new DirectoryOutcome.Refused<>(Admission.Refusal.INVALID_AUTH_CODE));
        Caller disabled = new Caller(account.a().adminUserId(), account.id(), UserStatus.DISABLED, null, null, true,
                false, Set.of(account.a().techGroupId()));
        assertThat(directory.deleteNode(Requester.of(disabled), account.a().offlineTechNodeId()))
                .isEqualTo(new DirectoryOutcome.Refused<>(Admission.Refusal.USER_DISABLED));
    }

    @Test
    void aCallerAdmittedElsewhereActsOnTheWholeAccountWithoutAUser() {
        var account = D.account();
        Caller token = new Caller(null, account.id(), UserStatus.ENABLED, null, null, true, true, Set.of());
        DirectoryNode channel = done(directory.createChannel(Requester.of(token), new NewChannel("Sales", null, null)));
        assertThat(channel.parentId()).isEqualTo(D.organisation(account, NodeKind.ROOT));
        assertThat(D.value("SELECT COUNT(*) FROM event WHERE object_id = ?1 AND by_user_id IS NULL", Long.class,
                channel.id())).isEqualTo(1L);
        CallerAccount mine = done(directory.account(Requester.of(token)));
        assertThat(mine).isEqualTo(new CallerAccount(account.id(), "Test " + account.a().siteKey(), null, null, ""));
        assertThat(directory.createChannel(D.admin(account), new NewChannel("Mine", null, null)))
                .as("an administrator does not reach the root")
                .isEqualTo(new DirectoryOutcome.Forbidden<>(Reference.PARENT, DirectoryOutcome.Reason.OUTSIDE_REACH));
    }
}
