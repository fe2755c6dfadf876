package io.sessiongate.core.testing;

import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.PasswordHasher;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.RoleKind;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.rescue.PresenceService;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.PresenceRepository;
import io.sessiongate.core.rescue.SupportSessionRepository;
import io.sessiongate.core.websession.AuthCodeRepository;
import io.sessiongate.core.websession.WebSessionRepository;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.websession.CallerAuthenticator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a fresh, fully populated account for one test, so that tests never share (or trip over)
 * each other's rows: an administrator, an online and an offline technician in one technician
 * group, a channel serving that group, and support sessions waiting in the channel.
 */
public final class TestAccounts {

    private static final AtomicInteger SEQ = new AtomicInteger();
    /** bcrypt at its lowest cost: fixtures need many users and none of them guards anything. */
    public static final PasswordHasher FAST_HASHER = new PasswordHasher(4);

    public static final String ADMIN_PASSWORD = "admin-password";
    public static final String TECH_PASSWORD = "tech-password";

    /** Everything a test needs to know of the account it was given. */
    public record TestAccount(Long accountId, String siteKey, Long techGroupId, Long adminGroupId,
                              Long adminNodeId, Long onlineTechNodeId, Long offlineTechNodeId, Long channelId,
                              Long folderListId, Long adminRoleId, Long techRoleId, Long anonymousRoleId,
                              Long adminUserId, String adminEmail, Long onlineTechUserId, String onlineTechEmail,
                              Long offlineTechUserId, String offlineTechEmail, List<Long> sessionIds) {
    }

    private static final SupportSessionRepository SESSIONS = new SupportSessionRepository();

    private final Database db;
    private final AccountService accounts;
    private final PresenceService presence;
    private final Clock clock;

    public TestAccounts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        EventRecorder events = new EventRecorder(clock, new EventRepository());
        this.accounts = new AccountService(db, FAST_HASHER, clock, events);
        this.presence = new PresenceService(db, new CallerAuthenticator(clock, events, new WebSessionRepository(),
                new AuthCodeRepository()), clock, new PresenceRepository());
    }

    public AccountService accounts() {
        return accounts;
    }

    /** A new account with {@code sessions} support sessions waiting in its channel. */
    public TestAccount create(int sessions) {
        String site = "t" + ProcessHandle.current().pid() + "x" + SEQ.incrementAndGet() + "x"
                + Long.toHexString(System.nanoTime() & 0xffffff);
        Long a = accounts.createAccount(site, "Test " + site).getId();
        Node techGroup = accounts.createNode(null, a, NodeKind.TECHNICIAN_GROUP, null, "Technicians");
        Node adminGroup = accounts.createNode(null, a, NodeKind.ADMINISTRATOR_GROUP, null, "Administrators");
        Node adminNode = accounts.createNode(null, a, NodeKind.ADMINISTRATOR, adminGroup.getId(), "Admin");
        Node online = accounts.createNode(null, a, NodeKind.TECHNICIAN, techGroup.getId(), "Online Tech");
        Node offline = accounts.createNode(null, a, NodeKind.TECHNICIAN, techGroup.getId(), "Offline Tech");
        Node channel = accounts.createNode(null, a, NodeKind.CHANNEL, null, "Channel");
        accounts.assignChannel(channel.getId(), Set.of(techGroup.getId()));
        Long folders = accounts.createFolderList(a, "Folders", Set.of(techGroup.getId())).getId();
        Role adminRole = accounts.createRole(a, "Administrator", RoleKind.ADMINISTRATOR, 20, folders, false);
        Role techRole = accounts.createRole(a, "Technician", RoleKind.TECHNICIAN, 10, folders, false);
        Role anonymous = accounts.createRole(a, "Anonymous", RoleKind.TECHNICIAN, 0, folders, true);
        String adminEmail = "admin@" + site + ".example";
        String onlineEmail = "online@" + site + ".example";
        String offlineEmail = "offline@" + site + ".example";
        Long adminUser = accounts.createUser(a, adminEmail, "Admin", ADMIN_PASSWORD, adminNode.getId(), null,
                Set.of(adminRole.getId())).getId();
        Long onlineUser = accounts.createUser(a, onlineEmail, "Online Tech", TECH_PASSWORD, null, online.getId(),
                Set.of(techRole.getId())).getId();
        Long offlineUser = accounts.createUser(a, offlineEmail, "Offline Tech", TECH_PASSWORD, null, offline.getId(),
                Set.of(techRole.getId())).getId();
        presence.heartbeat(online.getId(), PresenceStatus.ONLINE);
        List<Long> sessionIds = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            sessionIds.add(createWaitingSession(a, channel.getId()));
        }
        return new TestAccount(a, site, techGroup.getId(), adminGroup.getId(), adminNode.getId(), online.getId(),
                offline.getId(), channel.getId(), folders, adminRole.getId(), techRole.getId(), anonymous.getId(),
                adminUser, adminEmail, onlineUser, onlineEmail, offlineUser, offlineEmail, List.copyOf(sessionIds));
    }

    /** A new support session waiting in {@code channelId}'s queue. */
    public Long createWaitingSession(Long accountId, Long channelId) {
        return db.inTransaction(s -> {
            Long id = ((Number) s.createNativeQuery("SELECT NEXTVAL(support_session_seq)", Long.class)
                    .getSingleResult()).longValue();
            SESSIONS.insert(Tx.of(s), id, accountId, SupportSessionStatus.WAITING, null, channelId, "Customer " + id,
                    "en", clock.instant());
            return id;
        });
    }

    /** Keeps {@code techNodeId} Online as of now. */
    public void online(Long techNodeId) {
        presence.heartbeat(techNodeId, PresenceStatus.ONLINE);
    }
}
