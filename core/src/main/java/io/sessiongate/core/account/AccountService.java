package io.sessiongate.core.account;

import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Builds and reads an account's directory: the account itself (with its root and organisation
 * nodes), its hierarchy of nodes, folder lists, roles and users. Each method is one transaction.
 * Every lookup is scoped to an account.
 */
public final class AccountService {

    /** The name of the folder list {@link #provision} makes over the whole hierarchy. */
    public static final String WHOLE_ACCOUNT = "Whole account";

    private static final Map<NodeKind, String> ORGANISATION_NAMES = Map.of(
            NodeKind.MASTER_ADMINISTRATORS, "Master Administrators",
            NodeKind.ADMINISTRATORS, "Administrators",
            NodeKind.TECHNICIANS, "Technicians");

    private final Database db;
    private final PasswordHasher passwords;
    private final Clock clock;
    private final EventRecorder events;

    public AccountService(Database db, PasswordHasher passwords, Clock clock, EventRecorder events) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    /** A new account with its root and organisation nodes (and nobody in it yet). */
    public Account createAccount(String siteKey, String name) {
        return db.inTransaction(s -> createAccount(s, siteKey, name));
    }

    /** {@link #createAccount(String, String)} within {@code s}'s transaction (the demo data's). */
    public Account createAccount(Session s, String siteKey, String name) {
        Instant now = clock.instant();
        Account account = new Account(siteKey, name, now);
        s.persist(account);
        Node root = new Node(nextNodeId(s), account.getId(), NodeKind.ROOT, null, name, now);
        s.persist(root);
        for (NodeKind kind : List.of(NodeKind.MASTER_ADMINISTRATORS, NodeKind.ADMINISTRATORS, NodeKind.TECHNICIANS)) {
            s.persist(new Node(nextNodeId(s), account.getId(), kind, root.getId(), ORGANISATION_NAMES.get(kind), now));
        }
        s.flush();
        return account;
    }

    /** What {@link #provision} made: the ids its caller reports. */
    public record ProvisionedAccount(long accountId, String siteKey, String name, long rootNodeId,
                                     long masterUserId, long masterNodeId) {
    }

    /**
     * A new account ready to use, in one transaction: its root and organisation nodes, one folder
     * list over the whole hierarchy ("Whole account": the organisation nodes, which the groups made
     * later join), the roles a new account needs (Master Administrator, Administrator, Technician,
     * and the anonymous role) and its master administrator, who can log in at once.
     *
     * @throws io.sessiongate.core.persistence.DataAccessException.DuplicateEntry when the site key is taken
     */
    public ProvisionedAccount provision(String siteKey, String name, String masterEmail, String masterName,
                                        String masterPassword) {
        String hash = passwords.hash(masterPassword);
        return db.inTransaction(s -> provision(s, siteKey, name, masterEmail, masterName, hash));
    }

    /**
     * {@link #provision(String, String, String, String, String)} within {@code s}'s transaction, with the
     * password already hashed (bcrypt is slow: hash before the transaction). The administration API's
     * account creation adds the account's first API token in the same transaction.
     */
    public ProvisionedAccount provision(Session s, String siteKey, String name, String masterEmail, String masterName,
                                        String masterPasswordHash) {
        Account account = createAccount(s, siteKey, name);
        Long a = account.getId();
        Set<Long> organisation = Set.of(organisationNode(s, a, NodeKind.MASTER_ADMINISTRATORS).getId(),
                organisationNode(s, a, NodeKind.ADMINISTRATORS).getId(),
                organisationNode(s, a, NodeKind.TECHNICIANS).getId());
        FolderList whole = new FolderList(a, WHOLE_ACCOUNT, organisation);
        s.persist(whole);
        Role master = new Role(a, "Master Administrator", RoleKind.MASTER_ADMINISTRATOR, 30, whole.getId(), false);
        s.persist(master);
        s.persist(new Role(a, "Administrator", RoleKind.ADMINISTRATOR, 20, whole.getId(), false));
        s.persist(new Role(a, "Technician", RoleKind.TECHNICIAN, 10, whole.getId(), false));
        s.persist(new Role(a, "Anonymous", RoleKind.TECHNICIAN, 0, whole.getId(), true));
        Instant now = clock.instant();
        Node masterNode = new Node(nextNodeId(s), a, NodeKind.MASTER_ADMINISTRATOR,
                organisationNode(s, a, NodeKind.MASTER_ADMINISTRATORS).getId(), masterName, now);
        s.persist(masterNode);
        User user = new User(a, masterEmail, masterName, masterPasswordHash, now);
        user.setAdminNodeId(masterNode.getId());
        user.getRoleIds().add(master.getId());
        s.persist(user);
        s.flush();
        Long root = organisationNode(s, a, NodeKind.ROOT).getId();
        events.record(Tx.of(s), a, ObjectType.ACCOUNT, a, EventAction.CREATED, null,
                Map.of("siteKey", siteKey, "name", name, "masterUserId", user.getId()), null);
        return new ProvisionedAccount(a, siteKey, name, root, user.getId(), masterNode.getId());
    }

    /** The account's root or organisation node of {@code kind}. */
    public static Node organisationNode(Session s, Long accountId, NodeKind kind) {
        if (!kind.isOrganisation()) {
            throw new IllegalArgumentException("not an organisation node kind: " + kind);
        }
        return s.createSelectionQuery("from Node where accountId = :a and kind = :k", Node.class)
                .setParameter("a", accountId).setParameter("k", kind).getSingleResult();
    }

    public Optional<Account> findBySiteKey(String siteKey) {
        return db.inTransaction(s -> s.createSelectionQuery("from Account where siteKey = :k", Account.class)
                .setParameter("k", siteKey)
                .uniqueResultOptional());
    }

    /**
     * Adds a node. {@code id} null takes the next ID of {@code node_seq}; an explicit ID must be
     * unused across the whole installation. {@code parentId} null puts it under the organisation node
     * of its kind ({@link NodeKind#defaultParent()}).
     */
    public Node createNode(Long id, Long accountId, NodeKind kind, Long parentId, String name) {
        return db.inTransaction(s -> {
            Long nodeId = id != null ? id : nextNodeId(s);
            Long parent = parentId != null || kind.defaultParent() == null ? parentId
                    : organisationNode(s, accountId, kind.defaultParent()).getId();
            Node node = new Node(nodeId, accountId, kind, parent, name, clock.instant());
            s.persist(node);
            return node;
        });
    }

    /** Assigns a channel to technician groups (adds to what it has). */
    public void assignChannel(Long channelId, Collection<Long> groupIds) {
        db.doInTransaction(s -> {
            Node channel = s.get(Node.class, channelId);
            if (channel == null || channel.getKind() != NodeKind.CHANNEL) {
                throw new IllegalArgumentException("not a channel: " + channelId);
            }
            channel.getAssignedGroupIds().addAll(groupIds);
        });
    }

    public FolderList createFolderList(Long accountId, String name, Set<Long> groupIds) {
        return db.inTransaction(s -> {
            FolderList list = new FolderList(accountId, name, groupIds);
            s.persist(list);
            return list;
        });
    }

    /** Replaces the groups of a folder list. */
    public void setFolderListGroups(Long folderListId, Set<Long> groupIds) {
        db.doInTransaction(s -> {
            FolderList list = existing(s, FolderList.class, folderListId);
            list.getGroupIds().clear();
            list.getGroupIds().addAll(groupIds);
        });
    }

    public Role createRole(Long accountId, String name, RoleKind kind, int priority, Long folderListId,
                           boolean anonymous) {
        return db.inTransaction(s -> {
            Role role = new Role(accountId, name, kind, priority, folderListId, anonymous);
            s.persist(role);
            return role;
        });
    }

    /** Creates an enabled user with a bcrypt hash of {@code password}. */
    public User createUser(Long accountId, String email, String name, String password, Long adminNodeId,
                           Long techNodeId, Set<Long> roleIds) {
        String hash = passwords.hash(password);
        return db.inTransaction(s -> {
            User user = new User(accountId, email, name, hash, clock.instant());
            user.setAdminNodeId(adminNodeId);
            user.setTechNodeId(techNodeId);
            user.getRoleIds().addAll(roleIds);
            s.persist(user);
            return user;
        });
    }

    public void setUserStatus(Long userId, UserStatus status) {
        db.doInTransaction(s -> {
            existing(s, User.class, userId).setStatus(status);
        });
    }

    public void setUserRoles(Long userId, Set<Long> roleIds) {
        db.doInTransaction(s -> {
            User user = existing(s, User.class, userId);
            user.getRoleIds().clear();
            user.getRoleIds().addAll(roleIds);
        });
    }

    public void setUserFolderList(Long userId, Long folderListId) {
        db.doInTransaction(s -> {
            existing(s, User.class, userId).setFolderListId(folderListId);
        });
    }

    /** The account's live (not deleted) user with this email: deleted users may share a live user's address. */
    public Optional<User> findUser(Long accountId, String email) {
        return db.inTransaction(s -> s.createSelectionQuery(
                        "from User where accountId = :a and email = :e and status <> :deleted", User.class)
                .setParameter("a", accountId)
                .setParameter("e", email)
                .setParameter("deleted", UserStatus.DELETED)
                .uniqueResultOptional());
    }

    /** The entity with this id; an unknown id is the caller's mistake, said as such rather than as an NPE. */
    private static <T> T existing(Session s, Class<T> type, Long id) {
        T found = s.get(type, id);
        if (found == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " " + id);
        }
        return found;
    }

    /** The next free node ID. */
    public static Long nextNodeId(Session s) {
        return ((Number) s.createNativeQuery("SELECT NEXTVAL(node_seq)", Long.class).getSingleResult()).longValue();
    }
}
