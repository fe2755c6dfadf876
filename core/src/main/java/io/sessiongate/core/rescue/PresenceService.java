package io.sessiongate.core.rescue;

import io.sessiongate.core.persistence.Database;
import java.time.Clock;
import org.hibernate.Session;

/** The technician console's heartbeats: what makes a technician Online, Away or Busy rather than Offline. */
public final class PresenceService {

    private static final String UPSERT = """
            INSERT INTO technician_presence (node_id, status, last_heartbeat) VALUES (:node, :status, :now)
            ON DUPLICATE KEY UPDATE status = VALUES(status), last_heartbeat = VALUES(last_heartbeat)""";

    private final Database db;
    private final Clock clock;

    public PresenceService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records a heartbeat of technician node {@code techNodeId}'s console. */
    public void heartbeat(Long techNodeId, PresenceStatus status) {
        db.doInTransaction(s -> heartbeat(s, techNodeId, status));
    }

    /** The same, inside a transaction the caller holds. */
    public void heartbeat(Session s, Long techNodeId, PresenceStatus status) {
        s.createNativeMutationQuery(UPSERT)
                .setParameter("node", techNodeId)
                .setParameter("status", status.name())
                .setParameter("now", clock.instant())
                .executeUpdate();
    }
}
