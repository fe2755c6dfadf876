package io.sessiongate.core.account;

import io.sessiongate.core.persistence.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Builds and reads an account's directory: the account itself, its hierarchy of nodes, folder
 * lists, roles and users. Each method is one transaction. Every lookup is scoped to an account.
 */
public final class AccountService {

    private final Database db;
    private final PasswordHasher passwords;
    private final Clock clock;

    public AccountService(Database db, PasswordHasher passwords, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Account createAccount(String siteKey, String name) {
        return db.inTransaction(s -> {
            Account account = new Account(siteKey, name, clock.instant());
            s.persist(account);
            return account;
        });
    }

    public Optional<Account> findBySiteKey(String siteKey) {
        return db.inTransaction(s -> s.createSelectionQuery("from Account where siteKey = :k", Account.class)
                .setParameter("k", siteKey)
                .uniqueResultOptional());
    }

    /**
     * Adds a node. {@code id} null takes the next ID of {@code node_seq}; an explicit ID must be
     * unused across the whole installation.
     */
    public Node createNode(Long id, Long accountId, NodeKind kind, Long parentId, String name) {
        return db.inTransaction(s -> {
            Long nodeId = id != null ? id : nextNodeId(s);
            Node node = new Node(nodeId, accountId, kind, parentId, name, clock.instant());
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

    public Optional<User> findUser(Long accountId, String email) {
        return db.inTransaction(s -> s.createSelectionQuery(
                        "from User where accountId = :a and email = :e", User.class)
                .setParameter("a", accountId)
                .setParameter("e", email)
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
