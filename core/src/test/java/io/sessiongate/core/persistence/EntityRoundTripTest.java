package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.account.Account;
import io.sessiongate.core.account.FolderList;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.User;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.Event;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.rescue.SupportSession;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.rescue.TechnicianPresence;
import io.sessiongate.core.rescue.Transfer;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestDatabase;
import io.sessiongate.core.websession.AuthCode;
import io.sessiongate.core.websession.WebSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every entity written to MariaDB and read back in a new session comes back as it was written. */
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

    @Test
    void supportSessionTransferPresenceAndEventRoundTrip() {
        Long sessionId = account.sessionIds().get(0);
        db.doInTransaction(s -> {
            SupportSession session = s.get(SupportSession.class, sessionId);
            session.setCustomField(5, "cf5");
            session.setTransferredTo("Online Tech");
            session.setTransferredComment("escalate");
            s.persist(new Transfer(account.accountId(), sessionId, account.channelId(), account.onlineTechNodeId(),
                    NodeRef.NODE, "escalate", account.adminUserId(), T));
            s.persist(new Event(account.accountId(), "SUPPORT_SESSION", sessionId, "TRANSFERRED", "{\"a\":1}",
                    "{\"a\":2}", account.adminUserId(), T));
        });
        SupportSession read = db.inTransaction(s -> s.get(SupportSession.class, sessionId));
        assertThat(read.getStatus()).isEqualTo(SupportSessionStatus.WAITING);
        assertThat(read.getCustomField(0)).isEqualTo("Customer " + sessionId);
        assertThat(read.getCustomField(5)).isEqualTo("cf5");
        assertThat(read.getTransferredComment()).isEqualTo("escalate");
        assertThat(read.getVersion()).isEqualTo(1);

        Transfer transfer = db.inTransaction(s -> s.createSelectionQuery(
                "from Transfer where sessionId = :s", Transfer.class).setParameter("s", sessionId).getSingleResult());
        assertThat(transfer.getNodeRef()).isEqualTo(NodeRef.NODE);
        assertThat(transfer.getTransferredAt()).isEqualTo(T);
        assertThat(transfer.getFromNodeId()).isEqualTo(account.channelId());

        Event event = db.inTransaction(s -> s.createSelectionQuery(
                "from Event where objectId = :s and action = 'TRANSFERRED'", Event.class)
                .setParameter("s", sessionId).getSingleResult());
        assertThat(event.getBeforeState()).isEqualTo("{\"a\":1}");
        assertThat(event.getOccurredAt()).isEqualTo(T);

        TechnicianPresence presence = db.inTransaction(s -> s.get(TechnicianPresence.class, account.onlineTechNodeId()));
        assertThat(presence.getStatus()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(presence.isConsoleRunning(Instant.now())).isTrue();
        assertThat(presence.isConsoleRunning(Instant.now().plusSeconds(91))).isFalse();
    }

    @Test
    void webSessionAndAuthCodeRoundTrip() {
        Long id = db.inTransaction(s -> {
            WebSession w = new WebSession(account.accountId(), "a".repeat(64), "2001:db8::1", T);
            w.setUserId(account.adminUserId());
            w.setAccess(Set.of(3L, 1L), true, account.folderListId(), List.of(account.techGroupId()));
            w.touch(T.plusSeconds(1));
            s.persist(w);
            s.persist(new AuthCode(account.adminUserId(), "b".repeat(64), T));
            return w.getId();
        });
        WebSession w = db.inTransaction(s -> s.get(WebSession.class, id));
        assertThat(w.getStatus()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(w.getIpAddress()).isEqualTo("2001:db8::1");
        assertThat(w.getRoleIds()).containsExactly(1L, 3L);
        assertThat(w.isAdministrator()).isTrue();
        assertThat(w.getFolderGroupIds()).containsExactly(account.techGroupId());
        assertThat(w.getCreatedAt()).isEqualTo(T);
        assertThat(w.getLastRequestAt()).isEqualTo(T.plusSeconds(1));
        assertThat(w.getRequestCount()).isEqualTo(1);

        AuthCode code = db.inTransaction(s -> s.get(AuthCode.class, account.adminUserId()));
        assertThat(code.getCodeHash()).isEqualTo("b".repeat(64));
    }
}
