package io.sessiongate.core.rescue;

import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.NodeStatus;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.StoredIds;
import java.time.Instant;
import java.util.Optional;

/**
 * The reads of the directory (nodes, users) that the Rescue queries make on their hot path, as
 * plain JDBC mapped by column name. The directory itself is written through its entities.
 */
public final class DirectoryReads {

    private static final NativeSql NODE = NativeSql.of("""
            SELECT n.kind, n.account_id, n.parent_id, n.status,
                   (SELECT GROUP_CONCAT(ca.group_id) FROM channel_assignment ca WHERE ca.channel_id = n.id)
                       AS channel_groups
            FROM node n WHERE n.id = :node AND n.deleted_at IS NULL""");

    private static final String USER = """
            SELECT u.name, u.email, u.status, u.admin_node_id, u.tech_node_id, p.status AS presence,
                   p.last_heartbeat
            FROM app_user u LEFT JOIN technician_presence p ON p.node_id = u.tech_node_id
            WHERE u.account_id = :account AND u.status <> :deleted AND {which}""";

    private static final NativeSql USER_BY_EMAIL = NativeSql.of(USER.replace("{which}", "u.email = :key"));
    private static final NativeSql USER_BY_NODE = NativeSql.of(
            USER.replace("{which}", "(u.tech_node_id = :key OR u.admin_node_id = :key)"));

    /** A user of the account, with their console's last word (null when never heard). */
    public record RescueUser(String name, String email, UserStatus status, Long adminNodeId, Long techNodeId,
                             PresenceStatus presence, Instant lastHeartbeat) {
    }

    /** The node, unless it does not exist or was deleted (a deleted node reads like a missing one). */
    public Optional<NodeInScope> node(Tx tx, long nodeId) {
        return NODE.on(tx).set("node", nodeId).one(r -> new NodeInScope(r.getEnum("kind", NodeKind.class),
                r.getLong("account_id"), r.getLong("parent_id"), StoredIds.parse(r.getString("channel_groups")),
                r.getEnum("status", NodeStatus.class)));
    }

    /** The account's user (not deleted) with this email. */
    public Optional<RescueUser> userByEmail(Tx tx, long accountId, String email) {
        return user(USER_BY_EMAIL.on(tx).set("key", email), accountId);
    }

    /** The account's user (not deleted) whose technician or administrator node this is. */
    public Optional<RescueUser> userByNode(Tx tx, long accountId, long nodeId) {
        return user(USER_BY_NODE.on(tx).set("key", nodeId), accountId);
    }

    private static Optional<RescueUser> user(NativeSql.Run run, long accountId) {
        return run.set("account", accountId).set("deleted", UserStatus.DELETED.name())
                .one(r -> new RescueUser(r.getString("name"), r.getString("email"),
                        r.getEnum("status", UserStatus.class), r.getLong("admin_node_id"), r.getLong("tech_node_id"),
                        r.getEnum("presence", PresenceStatus.class), r.getInstant("last_heartbeat")));
    }
}
