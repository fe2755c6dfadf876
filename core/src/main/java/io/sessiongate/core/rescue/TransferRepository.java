package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Duration;
import java.time.Instant;

/** Every statement on {@code transfer}, the history of transfers: one INSERT per transfer. */
public final class TransferRepository {

    private static final NativeSql INSERT = NativeSql.of("""
            INSERT INTO transfer (account_id, session_id, from_node_id, to_node_id, node_ref, comment, by_user_id,
                                  transferred_at, from_status, from_status_ms)
            VALUES (:account, :session, :from, :to, :ref, :comment, :by, :at, :fromStatus, :fromStatusMs)""");

    /**
     * Records a transfer.
     *
     * @param fromStatus the session's status before the transfer
     * @param inStatus   how long the session had been in that status (what the transferred-sessions
     *                   report shows as its waiting time when that status was Waiting)
     */
    public void insert(Tx tx, long accountId, long sessionId, Long fromNodeId, long toNodeId, NodeRef ref,
                       String comment, long byUserId, Instant at, SupportSessionStatus fromStatus, Duration inStatus) {
        INSERT.on(tx)
                .set("account", accountId)
                .set("session", sessionId)
                .set("from", fromNodeId)
                .set("to", toNodeId)
                .set("ref", ref.name())
                .set("comment", comment)
                .set("by", byUserId)
                .set("at", at)
                .set("fromStatus", fromStatus == null ? null : fromStatus.name())
                .set("fromStatusMs", inStatus == null ? null : Math.max(0, inStatus.toMillis()))
                .defer(); // nothing reads it back in the transaction: it rides the next round trip
    }
}
