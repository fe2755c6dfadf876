package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Instant;

/** Every statement on {@code transfer}, the history of transfers: one INSERT per transfer. */
public final class TransferRepository {

    private static final NativeSql INSERT = NativeSql.of("""
            INSERT INTO transfer (account_id, session_id, from_node_id, to_node_id, node_ref, comment, by_user_id,
                                  transferred_at)
            VALUES (:account, :session, :from, :to, :ref, :comment, :by, :at)""");

    public void insert(Tx tx, long accountId, long sessionId, Long fromNodeId, long toNodeId, NodeRef ref,
                       String comment, long byUserId, Instant at) {
        INSERT.on(tx)
                .set("account", accountId)
                .set("session", sessionId)
                .set("from", fromNodeId)
                .set("to", toNodeId)
                .set("ref", ref.name())
                .set("comment", comment)
                .set("by", byUserId)
                .set("at", at)
                .update();
    }
}
