package io.sessiongate.core.rescue;

import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Instant;
import java.util.Set;

/** Every statement on {@code technician_presence}: the consoles' heartbeats, and who is available. */
public final class PresenceRepository {

    private static final NativeSql BEAT = NativeSql.of("""
            INSERT INTO technician_presence (node_id, status, last_heartbeat) VALUES (:node, :status, :now)
            ON DUPLICATE KEY UPDATE status = VALUES(status), last_heartbeat = VALUES(last_heartbeat)""");

    // Three status parameters: the statuses asked for, repeated to fill the list when fewer.
    private static final NativeSql ANY_AVAILABLE = NativeSql.of("""
            SELECT EXISTS (
                SELECT 1 FROM channel_assignment ca
                JOIN node t ON t.parent_id = ca.group_id AND t.kind = :technician
                JOIN app_user u ON u.tech_node_id = t.id AND u.status = :enabled
                JOIN technician_presence p ON p.node_id = t.id
                WHERE ca.channel_id = :channel AND p.last_heartbeat > :since AND p.status IN (:s0, :s1, :s2))
                AS available""");

    /** Records a heartbeat of technician node {@code nodeId}'s console. */
    public void beat(Tx tx, long nodeId, PresenceStatus status, Instant now) {
        BEAT.on(tx).set("node", nodeId).set("status", status.name()).set("now", now).update();
    }

    /**
     * Whether an enabled technician of a group channel {@code channelId} serves has a console heard
     * since {@code since} reporting one of {@code statuses}.
     */
    public boolean anyAvailable(Tx tx, long channelId, Set<PresenceStatus> statuses, Instant since) {
        PresenceStatus[] s = statuses.toArray(PresenceStatus[]::new);
        return ANY_AVAILABLE.on(tx)
                .set("technician", NodeKind.TECHNICIAN.name())
                .set("enabled", UserStatus.ENABLED.name())
                .set("channel", channelId)
                .set("since", since)
                .set("s0", s[0].name())
                .set("s1", s[Math.min(1, s.length - 1)].name())
                .set("s2", s[Math.min(2, s.length - 1)].name())
                .one(r -> r.getBoolean("available"))
                .orElse(false);
    }
}
