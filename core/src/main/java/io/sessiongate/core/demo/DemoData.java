package io.sessiongate.core.demo;

import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.FolderList;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.PasswordHasher;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.RoleKind;
import io.sessiongate.core.account.User;
import io.sessiongate.core.persistence.DataAccessException;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.SupportSessionRepository;
import io.sessiongate.core.rescue.SupportSessionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo dataset the README's examples and many tests use: the account "Demo Support"
 * ({@code demo}) and "Other Company" ({@code other}). Loading is idempotent: an account that
 * exists is left as it is. Each account is written in one transaction, all or nothing.
 */
public final class DemoData {

    public static final String DEMO_SITE = "demo";
    public static final String OTHER_SITE = "other";

    public static final String ADMIN_EMAIL = "admin@demo.example";
    public static final String ADMIN_PASSWORD = "demo-admin";
    public static final String ALICE_EMAIL = "alice@demo.example";
    public static final String ALICE_PASSWORD = "demo-alice";
    public static final String BOB_EMAIL = "bob@demo.example";
    public static final String BOB_PASSWORD = "demo-bob";
    public static final String OWNER_EMAIL = "owner@demo.example";
    public static final String OWNER_PASSWORD = "demo-owner";
    public static final String OTHER_ADMIN_EMAIL = "admin@other.example";
    public static final String OTHER_ADMIN_PASSWORD = "other-admin";
    public static final String OTHER_TECH_EMAIL = "tech@other.example";
    public static final String OTHER_TECH_PASSWORD = "other-tech";

    public static final long DEMO_TECH_GROUP = 1001;
    public static final long DEMO_ADMIN_GROUP = 1002;
    public static final long DEMO_ADMIN_NODE = 1101;
    public static final long DEMO_OWNER_NODE = 1102;
    public static final long ALICE_NODE = 2001;
    public static final long BOB_NODE = 2002;
    public static final long SUPPORT_CHANNEL = 3001;
    public static final List<Long> DEMO_SESSIONS = List.of(5001L, 5002L, 5003L);
    /** A second channel serving the technician group, with session 5004 waiting in its queue. */
    public static final long GROUP_CHANNEL = 3002;
    public static final long GROUP_CHANNEL_SESSION = 5004;
    /** Alice's sessions: one she is working on, one she put on hold. */
    public static final long ACTIVE_SESSION = 5005;
    public static final long ON_HOLD_SESSION = 5006;

    public static final long OTHER_TECH_GROUP = 8001;
    public static final long OTHER_ADMIN_GROUP = 8002;
    public static final long OTHER_ADMIN_NODE = 8101;
    public static final long OTHER_TECH_NODE = 9001;
    public static final long OTHER_CHANNEL = 9301;
    public static final long OTHER_SESSION = 9501;

    /** The technician nodes a simulated console keeps Online while the demo runs. */
    public static final List<Long> ALWAYS_ONLINE = List.of(ALICE_NODE, OTHER_TECH_NODE);

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Database db;
    private final PasswordHasher passwords;
    private final Clock clock;
    private final AccountService accounts;
    private final SupportSessionRepository supportSessions;

    public DemoData(Database db, PasswordHasher passwords, Clock clock, AccountService accounts,
                    SupportSessionRepository supportSessions) {
        this.db = db;
        this.accounts = accounts;
        this.supportSessions = supportSessions;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Loads whatever of the demo dataset is missing; returns how many accounts it created. */
    public int load() {
        int created = 0;
        created += loadOnce(DEMO_SITE, this::demoAccount) ? 1 : 0;
        created += loadOnce(OTHER_SITE, this::otherAccount) ? 1 : 0;
        return created;
    }

    private boolean loadOnce(String siteKey, java.util.function.Consumer<Session> writer) {
        boolean exists = db.inTransaction(s -> s.createSelectionQuery(
                "select count(*) from Account where siteKey = :k", Long.class).setParameter("k", siteKey)
                .getSingleResult() > 0);
        if (exists) {
            return false;
        }
        try {
            db.doInTransaction(writer);
            LOG.info("demo account '{}' loaded", siteKey);
            return true;
        } catch (DataAccessException.DuplicateEntry e) {
            return false; // another server process loaded it at the same moment
        }
    }

    private void demoAccount(Session s) {
        Instant now = clock.instant();
        Long a = accounts.createAccount(s, DEMO_SITE, "Demo Support").getId();
        Long technicians = AccountService.organisationNode(s, a, NodeKind.TECHNICIANS).getId();
        Long administrators = AccountService.organisationNode(s, a, NodeKind.ADMINISTRATORS).getId();
        Long masters = AccountService.organisationNode(s, a, NodeKind.MASTER_ADMINISTRATORS).getId();
        Long root = AccountService.organisationNode(s, a, NodeKind.ROOT).getId();
        node(s, DEMO_TECH_GROUP, a, NodeKind.TECHNICIAN_GROUP, technicians, "Demo Technicians", now);
        node(s, DEMO_ADMIN_GROUP, a, NodeKind.ADMINISTRATOR_GROUP, administrators, "Demo Administrators", now);
        node(s, DEMO_ADMIN_NODE, a, NodeKind.ADMINISTRATOR, DEMO_ADMIN_GROUP, "Demo Administrator", now);
        node(s, DEMO_OWNER_NODE, a, NodeKind.MASTER_ADMINISTRATOR, masters, "Demo Owner", now);
        node(s, ALICE_NODE, a, NodeKind.TECHNICIAN, DEMO_TECH_GROUP, "Alice", now);
        node(s, BOB_NODE, a, NodeKind.TECHNICIAN, DEMO_TECH_GROUP, "Bob", now);
        Node channel = node(s, SUPPORT_CHANNEL, a, NodeKind.CHANNEL, root, "Support", now);
        channel.getAssignedGroupIds().add(DEMO_TECH_GROUP);
        s.flush();

        FolderList folders = new FolderList(a, "Demo Technicians", Set.of(DEMO_TECH_GROUP));
        s.persist(folders);
        Role admin = role(s, a, "Administrator", RoleKind.ADMINISTRATOR, 20, folders.getId(), false);
        Role tech = role(s, a, "Technician", RoleKind.TECHNICIAN, 10, folders.getId(), false);
        role(s, a, "Anonymous", RoleKind.TECHNICIAN, 0, folders.getId(), true);
        FolderList whole = new FolderList(a, AccountService.WHOLE_ACCOUNT, Set.of(technicians, administrators, masters));
        s.persist(whole);
        Role master = role(s, a, "Master Administrator", RoleKind.MASTER_ADMINISTRATOR, 30, whole.getId(), false);

        user(s, a, ADMIN_EMAIL, "Demo Administrator", ADMIN_PASSWORD, DEMO_ADMIN_NODE, null, admin, now);
        user(s, a, OWNER_EMAIL, "Demo Owner", OWNER_PASSWORD, DEMO_OWNER_NODE, null, master, now);
        user(s, a, ALICE_EMAIL, "Alice", ALICE_PASSWORD, null, ALICE_NODE, tech, now);
        user(s, a, BOB_EMAIL, "Bob", BOB_PASSWORD, null, BOB_NODE, tech, now);

        s.flush(); // the directory's rows first: the sessions refer to them
        for (Long id : DEMO_SESSIONS) {
            supportSessions.insert(Tx.of(s), id, a, SupportSessionStatus.WAITING, null, SUPPORT_CHANNEL,
                    "Customer " + id, "en", now);
        }
        everyStatus(s, a, now);
    }

    private void otherAccount(Session s) {
        Instant now = clock.instant();
        Long a = accounts.createAccount(s, OTHER_SITE, "Other Company").getId();
        node(s, OTHER_TECH_GROUP, a, NodeKind.TECHNICIAN_GROUP,
                AccountService.organisationNode(s, a, NodeKind.TECHNICIANS).getId(), "Other Technicians", now);
        node(s, OTHER_ADMIN_GROUP, a, NodeKind.ADMINISTRATOR_GROUP,
                AccountService.organisationNode(s, a, NodeKind.ADMINISTRATORS).getId(), "Other Administrators", now);
        node(s, OTHER_ADMIN_NODE, a, NodeKind.ADMINISTRATOR, OTHER_ADMIN_GROUP, "Other Administrator", now);
        node(s, OTHER_TECH_NODE, a, NodeKind.TECHNICIAN, OTHER_TECH_GROUP, "Olga", now);
        Node channel = node(s, OTHER_CHANNEL, a, NodeKind.CHANNEL,
                AccountService.organisationNode(s, a, NodeKind.ROOT).getId(), "Other Support", now);
        channel.getAssignedGroupIds().add(OTHER_TECH_GROUP);
        s.flush();

        FolderList folders = new FolderList(a, "Other Technicians", Set.of(OTHER_TECH_GROUP));
        s.persist(folders);
        Role admin = role(s, a, "Administrator", RoleKind.ADMINISTRATOR, 20, folders.getId(), false);
        Role tech = role(s, a, "Technician", RoleKind.TECHNICIAN, 10, folders.getId(), false);
        user(s, a, OTHER_ADMIN_EMAIL, "Other Administrator", OTHER_ADMIN_PASSWORD, OTHER_ADMIN_NODE, null, admin, now);
        user(s, a, OTHER_TECH_EMAIL, "Olga", OTHER_TECH_PASSWORD, null, OTHER_TECH_NODE, tech, now);

        s.flush(); // the directory's rows first: the session refers to them
        supportSessions.insert(Tx.of(s), OTHER_SESSION, a, SupportSessionStatus.ACTIVE, OTHER_TECH_NODE,
                OTHER_CHANNEL, "Other customer", "en", now);
    }

    private static Node node(Session s, long id, Long accountId, NodeKind kind, Long parent, String name, Instant now) {
        Node node = new Node(id, accountId, kind, parent, name, now);
        s.persist(node);
        return node;
    }

    private static Role role(Session s, Long accountId, String name, RoleKind kind, int priority, Long folderListId,
                             boolean anonymous) {
        Role role = new Role(accountId, name, kind, priority, folderListId, anonymous);
        s.persist(role);
        return role;
    }

    private void user(Session s, Long accountId, String email, String name, String password, Long adminNode,
                      Long techNode, Role role, Instant now) {
        User user = new User(accountId, email, name, passwords.hash(password), now);
        user.setAdminNodeId(adminNode);
        user.setTechNodeId(techNode);
        user.getRoleIds().add(role.getId());
        s.persist(user);
    }

    /**
     * What makes every live status show in getSession_v3 on a fresh start: a second channel queue of
     * the technician group with a session waiting in it, and an Active and an On Hold session of Alice.
     */
    private void everyStatus(Session s, Long a, Instant now) {
        Long parent = s.get(Node.class, SUPPORT_CHANNEL).getParentId(); // where the demo keeps its channels
        Node channel = node(s, GROUP_CHANNEL, a, NodeKind.CHANNEL, parent, "Second Line", now);
        channel.getAssignedGroupIds().add(DEMO_TECH_GROUP);
        s.flush();
        Tx tx = Tx.of(s);
        supportSessions.insert(tx, GROUP_CHANNEL_SESSION, a, SupportSessionStatus.WAITING, null, GROUP_CHANNEL,
                "Customer " + GROUP_CHANNEL_SESSION, "en", now);
        for (long id : List.of(ACTIVE_SESSION, ON_HOLD_SESSION)) {
            SupportSessionStatus status = id == ACTIVE_SESSION ? SupportSessionStatus.ACTIVE : SupportSessionStatus.ON_HOLD;
            supportSessions.insert(tx, id, a, status, ALICE_NODE, SUPPORT_CHANNEL, "Customer " + id, "en", now);
            supportSessions.change(tx, id, 0, new SupportSessionRepository.Change(status, ALICE_NODE, SUPPORT_CHANNEL,
                    ALICE_NODE, now, null, false), now); // picked up by Alice
        }
    }
}
