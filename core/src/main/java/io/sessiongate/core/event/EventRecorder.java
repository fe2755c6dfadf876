package io.sessiongate.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.hibernate.Session;

/**
 * Records a change as an {@link Event} inside the transaction that makes the change, so that an
 * event exists exactly when its change does.
 */
public final class EventRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    public EventRecorder(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds the event to {@code session}'s transaction (one INSERT).
     *
     * @param before the changed fields before, or null for a creation
     * @param after  the changed fields after, or null for a removal
     */
    public Event record(Session session, Long accountId, String objectType, Long objectId, String action,
                        Map<String, ?> before, Map<String, ?> after, Long byUserId) {
        Event event = new Event(accountId, objectType, objectId, action, json(before), json(after), byUserId,
                clock.instant());
        session.persist(event);
        return event;
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
