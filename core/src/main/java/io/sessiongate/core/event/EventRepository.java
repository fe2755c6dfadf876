package io.sessiongate.core.event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.api.admin.EventView;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every statement on {@code event}: the INSERT (deferred, since nothing reads an event back in the
 * transaction that writes it) and the audit trail's keyset pages.
 */
public final class EventRepository {

    private static final String PAGE = """
            SELECT id, object_type, object_id, action, before_state, after_state, by_user_id, occurred_at FROM event
            WHERE account_id = :account AND id > :after {filter} ORDER BY id LIMIT :limit""";
    private static final NativeSql ALL = NativeSql.of(PAGE.replace("{filter}", ""));
    private static final NativeSql OF_TYPE = NativeSql.of(PAGE.replace("{filter}", "AND object_type = :type"));
    private static final NativeSql OF_OBJECT = NativeSql.of(PAGE.replace("{filter}",
            "AND object_type = :type AND object_id = :object"));
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * Up to {@code limit} of the account's events after {@code afterId}, oldest first, of {@code objectType}
     * (and {@code objectId}) when not null; their states parsed from JSON.
     */
    public List<EventView> page(Tx tx, long accountId, String objectType, Long objectId, long afterId, int limit) {
        NativeSql.Run run = objectType == null ? ALL.on(tx)
                : objectId == null ? OF_TYPE.on(tx).set("type", objectType)
                : OF_OBJECT.on(tx).set("type", objectType).set("object", objectId);
        return run.set("account", accountId).set("after", afterId).set("limit", limit)
                .list(r -> new EventView(r.getLong("id"), r.getString("object_type"), r.getLong("object_id"),
                        r.getString("action"), state(r.getString("before_state")),
                        state(r.getString("after_state")), r.getLong("by_user_id"), r.getInstant("occurred_at")));
    }

    /** The statement of an unfiltered {@link #page} (the benchmark shows MariaDB's plan for it). */
    public static NativeSql pageStatement() {
        return ALL;
    }

    private static Map<String, Object> state(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("an event's state is not JSON", e);
        }
    }
}
