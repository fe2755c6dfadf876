package io.sessiongate.core.account;

import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.ConsoleHeartbeat;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.websession.StoredIds;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The directory service's reads, as plain JDBC mapped by column name: the whole live tree of an account in
 * one statement (nodes, the users who hold them, their consoles' presence, the channels' groups), and the
 * few facts a change checks. The directory is written only through its entities.
 */
final class HierarchyReads {

    private static final NativeSql TREE = NativeSql.of("""
            SELECT n.id, n.account_id, n.parent_id, n.kind, n.name, n.description, n.status, n.version,
                   COALESCE(ut.id, ua.id) AS user_id, COALESCE(ut.email, ua.email) AS email,
                   COALESCE(ut.nick, ua.nick) AS nick, COALESCE(ut.sso_id, ua.sso_id) AS sso_id,
                   COALESCE(ut.status, ua.status) AS user_status, p.status AS presence, p.last_heartbeat,
                   (SELECT GROUP_CONCAT(ca.group_id ORDER BY ca.group_id) FROM channel_assignment ca
                    WHERE ca.channel_id = n.id) AS channel_groups
            FROM node n
            LEFT JOIN app_user ut ON ut.tech_node_id = n.id
            LEFT JOIN app_user ua ON ua.admin_node_id = n.id
            LEFT JOIN technician_presence p ON p.node_id = n.id
            WHERE n.account_id = :account AND n.deleted_at IS NULL
            ORDER BY n.id""");

    private static final String LIVE = Arrays.stream(SupportSessionStatus.values()).filter(s -> !s.isFinal())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private static final NativeSql LIVE_SESSIONS = NativeSql.of("""
            SELECT EXISTS (SELECT 1 FROM support_session WHERE technician_node_id = :node AND status IN ({live}))
                OR EXISTS (SELECT 1 FROM support_session WHERE channel_node_id = :node AND status IN ({live}))
                AS live""".replace("{live}", LIVE));

    private static final NativeSql EMAIL_TAKEN = NativeSql.of("""
            SELECT EXISTS (SELECT 1 FROM app_user WHERE account_id = :account AND email = :email
                           AND status <> :deleted AND id <> :except) AS taken""");

    private static final NativeSql CALLER_ACCOUNT = NativeSql.of("""
            SELECT a.id, a.name, u.admin_node_id, u.tech_node_id, u.email
            FROM account a LEFT JOIN app_user u ON u.id = :user AND u.account_id = a.id
            WHERE a.id = :account""");

    private static final String USERS = """
            SELECT u.id, u.account_id, u.email, u.name, u.nick, u.sso_id, u.status, u.admin_node_id, u.tech_node_id,
                   u.folder_list_id, u.created_at, u.version,
                   (SELECT GROUP_CONCAT(ur.role_id ORDER BY ur.role_id) FROM user_role ur WHERE ur.user_id = u.id)
                       AS role_ids
            FROM app_user u WHERE u.account_id = :account {which} ORDER BY u.id LIMIT :limit""";

    private static final NativeSql USER = NativeSql.of(USERS.replace("{which}", "AND u.id = :id"));

    /** A page of users: all but the deleted ones, or of one status; of every user, or of those named in :ids. */
    private static final NativeSql[] USER_PAGES = new NativeSql[4];

    static {
        for (int mask = 0; mask < 4; mask++) {
            String which = "AND u.id > :after" + ((mask & 1) != 0 ? " AND u.status = :status"
                    : " AND u.status <> '" + UserStatus.DELETED.name() + "'")
                    + ((mask & 2) != 0 ? " AND FIND_IN_SET(u.id, :ids) > 0" : "");
            USER_PAGES[mask] = NativeSql.of(USERS.replace("{which}", which));
        }
    }

    private static final NativeSql ROLE_IDS = NativeSql.of("SELECT id FROM role WHERE account_id = :account");

    private static final NativeSql FOLDER_LIST = NativeSql.of(
            "SELECT EXISTS (SELECT 1 FROM folder_list WHERE account_id = :account AND id = :id) AS found");

    /** A user row as the JSON API's user reads need it; the tree adds where their nodes hang. */
    record UserRow(long id, long accountId, String email, String name, String nick, String ssoId, UserStatus status,
                   Long adminNodeId, Long techNodeId, Long folderListId, Instant createdAt, long version,
                   java.util.Set<Long> roleIds) {
    }

    private static UserRow userRow(NativeSql.Row r) throws java.sql.SQLException {
        return new UserRow(r.getLong("id"), r.getLong("account_id"), r.getString("email"), r.getString("name"),
                r.getString("nick"), r.getString("sso_id"), r.getEnum("status", UserStatus.class),
                r.getLong("admin_node_id"), r.getLong("tech_node_id"), r.getLong("folder_list_id"),
                r.getInstant("created_at"), r.getLong("version"), StoredIds.parse(r.getString("role_ids")));
    }

    /** User {@code userId} of the account, whatever their status. */
    Optional<UserRow> user(Tx tx, long accountId, long userId) {
        return USER.on(tx).set("account", accountId).set("id", userId).set("limit", 1).one(HierarchyReads::userRow);
    }

    /**
     * Up to {@code limit} users after id {@code afterId}, in id order: of {@code status} (null: every one who is
     * not deleted), among {@code onlyIds} (null: any).
     */
    java.util.List<UserRow> users(Tx tx, long accountId, UserStatus status, java.util.Collection<Long> onlyIds,
                                  long afterId, int limit) {
        NativeSql.Run run = USER_PAGES[(status != null ? 1 : 0) | (onlyIds != null ? 2 : 0)].on(tx)
                .set("account", accountId).set("after", afterId).set("limit", limit);
        if (status != null) {
            run.set("status", status.name());
        }
        if (onlyIds != null) {
            run.set("ids", StoredIds.join(onlyIds));
        }
        return run.list(HierarchyReads::userRow);
    }

    /** The ids of the account's roles. */
    java.util.Set<Long> roleIds(Tx tx, long accountId) {
        return new java.util.HashSet<>(ROLE_IDS.on(tx).set("account", accountId).list(r -> r.getLong("id")));
    }

    /** Whether {@code folderListId} is one of the account's folder lists. */
    boolean folderListOf(Tx tx, long accountId, long folderListId) {
        return FOLDER_LIST.on(tx).set("account", accountId).set("id", folderListId).one(r -> r.getBoolean("found"))
                .orElse(false);
    }

    /** The account's live nodes, with what the rules and the replies need of each, at {@code now}. */
    DirectoryTree tree(Tx tx, long accountId, Instant now) {
        return new DirectoryTree(TREE.on(tx).set("account", accountId).list(r -> {
            Long userId = r.getLong("user_id");
            DirectoryNode.Person person = null;
            if (userId != null) {
                PresenceStatus presence = r.getEnum("presence", PresenceStatus.class);
                boolean running = presence != null && ConsoleHeartbeat.isRunning(r.getInstant("last_heartbeat"), now);
                person = new DirectoryNode.Person(userId, r.getString("email"), r.getString("nick"),
                        r.getString("sso_id"), r.getEnum("user_status", UserStatus.class), running ? presence : null);
            }
            return new DirectoryNode(r.getLong("id"), r.getLong("account_id"), r.getLong("parent_id"),
                    r.getEnum("kind", NodeKind.class), r.getString("name"), r.getString("description"),
                    r.getEnum("status", NodeStatus.class), person, StoredIds.parse(r.getString("channel_groups")),
                    r.getLong("version"));
        }));
    }

    /** Whether a support session that is not closed is owned by, or queued in, node {@code nodeId}. */
    boolean holdsLiveSessions(Tx tx, long nodeId) {
        return LIVE_SESSIONS.on(tx).set("node", nodeId).one(r -> r.getBoolean("live")).orElse(false);
    }

    /** Whether a live user of the account other than {@code exceptUserId} (null: none) has this email. */
    boolean emailTaken(Tx tx, long accountId, String email, Long exceptUserId) {
        return EMAIL_TAKEN.on(tx).set("account", accountId).set("email", email)
                .set("deleted", UserStatus.DELETED.name()).set("except", exceptUserId == null ? 0L : exceptUserId)
                .one(r -> r.getBoolean("taken")).orElse(false);
    }

    /** The caller's account, with their own ids and email ({@code userId} null: a caller without a user). */
    Optional<CallerAccount> callerAccount(Tx tx, long accountId, Long userId) {
        return CALLER_ACCOUNT.on(tx).set("account", accountId).set("user", userId).one(r -> new CallerAccount(
                r.getLong("id"), r.getString("name"), r.getLong("admin_node_id"), r.getLong("tech_node_id"),
                r.getString("email") == null ? "" : r.getString("email")));
    }
}
