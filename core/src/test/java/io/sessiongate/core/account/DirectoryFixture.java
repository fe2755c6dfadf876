package io.sessiongate.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.util.List;
import java.util.Set;

/**
 * What the directory tests share: a test account with a master administrator added (TestAccounts makes an
 * administrator whose folder list is the technician group), outcomes unwrapped, rows and events read back.
 */
final class DirectoryFixture {

    static final String MASTER_PASSWORD = "master-password";

    final CoreFixture fx;
    final DirectoryService directory;

    DirectoryFixture(CoreFixture fx) {
        this.fx = fx;
        this.directory = fx.core().directory();
    }

    /** A fresh test account and its master administrator's email. */
    record Account(TestAccount a, String masterEmail, long masterNodeId, long masterUserId) {
        long id() {
            return a.accountId();
        }
    }

    Account account() {
        TestAccount a = fx.accounts().create(1);
        AccountService accounts = fx.core().accounts();
        long masters = fx.db().inTransaction(s -> AccountService.organisationNode(s, a.accountId(),
                NodeKind.MASTER_ADMINISTRATORS).getId());
        Node node = accounts.createNode(null, a.accountId(), NodeKind.MASTER_ADMINISTRATOR, masters, "Master");
        Role role = accounts.createRole(a.accountId(), "Master Administrator", RoleKind.MASTER_ADMINISTRATOR, 30,
                a.folderListId(), false);
        String email = "master@" + a.siteKey() + ".example";
        User user = accounts.createUser(a.accountId(), email, "Master", MASTER_PASSWORD, node.getId(), null,
                Set.of(role.getId()));
        return new Account(a, email, node.getId(), user.getId());
    }

    Requester admin(Account account) {
        return Requester.of(fx.cookieOf(account.a().adminEmail(), TestAccounts.ADMIN_PASSWORD));
    }

    Requester master(Account account) {
        return Requester.of(fx.cookieOf(account.masterEmail(), MASTER_PASSWORD));
    }

    static <T> T done(DirectoryOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(DirectoryOutcome.Done.class);
        return ((DirectoryOutcome.Done<T>) outcome).value();
    }

    /** The organisation node of a kind. */
    long organisation(Account account, NodeKind kind) {
        return fx.db().inTransaction(s -> AccountService.organisationNode(s, account.id(), kind).getId());
    }

    /** One value of a query on the test database. */
    <T> T value(String sql, Class<T> type, Object... params) {
        return fx.db().inTransaction(s -> {
            var q = s.createNativeQuery(sql, type);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getSingleResult();
        });
    }

    /** The actions of the events about one object, oldest first. */
    List<String> events(String objectType, long objectId) {
        return fx.db().inTransaction(s -> s.createNativeQuery("SELECT action FROM event WHERE object_type = ?1"
                        + " AND object_id = ?2 ORDER BY id", String.class)
                .setParameter(1, objectType).setParameter(2, objectId).getResultList());
    }

    /** The groups of a folder list. */
    List<Long> folderListGroups(long folderListId) {
        return fx.db().inTransaction(s -> s.createNativeQuery("SELECT group_id FROM folder_list_group"
                        + " WHERE folder_list_id = ?1 ORDER BY group_id", Long.class)
                .setParameter(1, folderListId).getResultList());
    }
}
