package io.sessiongate.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.util.Map;

/**
 * Records a change as an event row inside the transaction that makes the change, so that an
 * event exists exactly when its change does.
 */
public final class EventRecorder {

    private static final com.fasterxml.jackson.databind.ObjectWriter JSON = new ObjectMapper().writer();

    private final Clock clock;
    private final EventRepository events;

    public EventRecorder(Clock clock, EventRepository events) {
        this.clock = clock;
        this.events = events;
    }

    /**
     * Adds the event to {@code tx}'s transaction (one INSERT).
     *
     * @param before the changed fields before, or null for a creation
     * @param after  the changed fields after, or null for a removal
     */
    public void record(Tx tx, long accountId, ObjectType type, long objectId, EventAction action,
                       Map<String, ?> before, Map<String, ?> after, Long byUserId) {
        events.insert(tx, accountId, type, objectId, action, json(before), json(after), byUserId, clock.instant());
    }

    /** The JSON an event stores for a state. */
    public static String json(Map<String, ?> state) {
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
