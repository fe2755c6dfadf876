package io.sessiongate.core.event;

import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Instant;

/** Every statement on {@code event}: a plain INSERT, since nothing reads an event back in the transaction that writes it. */
public final class EventRepository {

    private static final NativeSql INSERT = NativeSql.of("""
            INSERT INTO event (account_id, object_type, object_id, action, before_state, after_state, by_user_id,
                               occurred_at)
            VALUES (:account, :type, :object, :action, :before, :after, :by, :at)""");

    /** Adds one event row; the states are JSON (or null). */
    public void insert(Tx tx, long accountId, ObjectType type, long objectId, EventAction action, String beforeJson,
                       String afterJson, Long byUserId, Instant at) {
        INSERT.on(tx)
                .set("account", accountId)
                .set("type", type.name())
                .set("object", objectId)
                .set("action", action.name())
                .set("before", beforeJson)
                .set("after", afterJson)
                .set("by", byUserId)
                .set("at", at)
                .defer(); // nothing reads it back in the transaction: it rides the next round trip
    }
}
