package io.sessiongate.core.rescue;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.websession.Authentication;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import org.hibernate.Session;

/** The technician console's heartbeats: what makes a technician Online, Away or Busy rather than Offline. */
public final class PresenceService {

    private static final String UPSERT = """
            INSERT INTO technician_presence (node_id, status, last_heartbeat) VALUES (:node, :status, :now)
            ON DUPLICATE KEY UPDATE status = VALUES(status), last_heartbeat = VALUES(last_heartbeat)""";

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final Clock clock;

    public PresenceService(Database db, CallerAuthenticator authenticator, Clock clock) {
        this.db = db;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    /** What a console's heartbeat came to. */
    public enum HeartbeatResult {
        OK,
        /** No valid cookie or auth code. */
        NOT_LOGGED_IN,
        /** The caller has no technician node: only a technician's console beats. */
        NOT_A_TECHNICIAN,
        /** The caller's user is disabled or deleted. */
        USER_DELETED_OR_DISABLED
    }

    /** A heartbeat from the console of the technician the credentials name. */
    public HeartbeatResult heartbeat(Credentials credentials, PresenceStatus status) {
        return db.inTransaction(s -> {
            if (!(authenticator.authenticate(s, credentials) instanceof Authentication.Authenticated a)) {
                return HeartbeatResult.NOT_LOGGED_IN;
            }
            if (!a.caller().isEnabled()) {
                return HeartbeatResult.USER_DELETED_OR_DISABLED;
            }
            if (a.caller().techNodeId() == null) {
                return HeartbeatResult.NOT_A_TECHNICIAN;
            }
            heartbeat(s, a.caller().techNodeId(), status);
            return HeartbeatResult.OK;
        });
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
