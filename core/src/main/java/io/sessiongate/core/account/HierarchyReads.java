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
            SELECT n.id, n.account_id, n.parent_id, n.kind, n.name, n.description, n.status,
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
                    r.getEnum("status", NodeStatus.class), person, StoredIds.parse(r.getString("channel_groups")));
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
