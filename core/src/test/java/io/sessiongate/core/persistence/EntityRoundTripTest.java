package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.account.Account;
import io.sessiongate.core.account.FolderList;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.User;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every entity (the directory) written to MariaDB and read back in a new session comes back as it was written. */
class EntityRoundTripTest {

    private static Database db;
    private static TestAccount account;
    private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");

    @BeforeAll
    static void setUp() {
        db = TestDatabase.get().database();
        account = new TestAccounts(db, Clock.systemUTC()).create(1);
    }

    @Test
    void accountNodeFolderListRoleAndUserRoundTrip() {
        Account a = db.inTransaction(s -> s.get(Account.class, account.accountId()));
        assertThat(a.getSiteKey()).isEqualTo(account.siteKey());

        Node channel = db.inTransaction(s -> {
            Node n = s.get(Node.class, account.channelId());
            n.getAssignedGroupIds().size();
            return n;
        });
        assertThat(channel.getKind()).isEqualTo(NodeKind.CHANNEL);
        assertThat(channel.getAssignedGroupIds()).containsExactly(account.techGroupId());

        Node tech = db.inTransaction(s -> s.get(Node.class, account.onlineTechNodeId()));
        assertThat(tech.getParentId()).isEqualTo(account.techGroupId());

        FolderList list = db.inTransaction(s -> {
            FolderList f = s.get(FolderList.class, account.folderListId());
            f.getGroupIds().size();
            return f;
        });
        assertThat(list.getGroupIds()).containsExactly(account.techGroupId());

        Role anonymous = db.inTransaction(s -> s.get(Role.class, account.anonymousRoleId()));
        assertThat(anonymous.isAnonymous()).isTrue();
        assertThat(anonymous.getFolderListId()).isEqualTo(account.folderListId());

        User admin = db.inTransaction(s -> {
            User u = s.get(User.class, account.adminUserId());
            u.getRoleIds().size();
            return u;
        });
        assertThat(admin.getEmail()).isEqualTo(account.adminEmail());
        assertThat(admin.getStatus()).isEqualTo(UserStatus.ENABLED);
        assertThat(admin.getAdminNodeId()).isEqualTo(account.adminNodeId());
        assertThat(admin.getTechNodeId()).isNull();
        assertThat(admin.getRoleIds()).containsExactly(account.adminRoleId());
        assertThat(admin.getPasswordHash()).startsWith("$2").doesNotContain(TestAccounts.ADMIN_PASSWORD);
    }

}
