package io.sessiongate.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.core.persistence.NativeSql;
import java.time.Clock;
import java.util.Map;
import org.hibernate.Session;

/**
 * Records a change as an event row inside the transaction that makes the change, so that an
 * event exists exactly when its change does.
 */
public final class EventRecorder {

    private static final com.fasterxml.jackson.databind.ObjectWriter JSON = new ObjectMapper().writer();

    private final Clock clock;

    public EventRecorder(Clock clock) {
        this.clock = clock;
    }

    /**
     * The one statement that records an event: a plain INSERT rather than a persisted entity, since
     * nothing reads the event back in the transaction that writes it. Public so that the
     * benchmark's database ceiling issues exactly this statement.
     */
    public static final NativeSql INSERT = NativeSql.of("""
            INSERT INTO event (account_id, object_type, object_id, action, before_state, after_state, by_user_id,
                               occurred_at)
            VALUES (:account, :type, :object, :action, :before, :after, :by, :at)""");

    /**
     * Adds the event to {@code session}'s transaction (one INSERT).
     *
     * @param before the changed fields before, or null for a creation
     * @param after  the changed fields after, or null for a removal
     */
    public void record(Session session, Long accountId, String objectType, Long objectId, String action,
                       Map<String, ?> before, Map<String, ?> after, Long byUserId) {
        INSERT.on(session)
                .set("account", accountId)
                .set("type", objectType)
                .set("object", objectId)
                .set("action", action)
                .set("before", json(before))
                .set("after", json(after))
                .set("by", byUserId)
                .set("at", clock.instant())
                .update();
    }

    private static String json(Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event state is not serialisable", e);
        }
    }
}
