package io.sessiongate.core.rescue;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import org.hibernate.Session;

/** The technician console's heartbeats: what makes a technician Online, Away or Busy rather than Offline. */
public final class PresenceService {

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final Clock clock;
    private final PresenceRepository presence;

    public PresenceService(Database db, CallerAuthenticator authenticator, Clock clock, PresenceRepository presence) {
        this.db = db;
        this.presence = presence;
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
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.TECHNICIAN);
            if (admission instanceof Admission.Refused r) {
                return switch (r.refusal()) {
                    case INVALID_AUTH_CODE, NOT_LOGGED_IN, NOT_AN_ADMINISTRATOR -> HeartbeatResult.NOT_LOGGED_IN;
                    case USER_DISABLED -> HeartbeatResult.USER_DELETED_OR_DISABLED;
                    case NOT_A_TECHNICIAN -> HeartbeatResult.NOT_A_TECHNICIAN;
                };
            }
            heartbeat(s, ((Admission.Admitted) admission).caller().techNodeId(), status);
            return HeartbeatResult.OK;
        });
    }

    /** Records a heartbeat of technician node {@code techNodeId}'s console. */
    public void heartbeat(Long techNodeId, PresenceStatus status) {
        db.doInTransaction(s -> heartbeat(s, techNodeId, status));
    }

    /** The same, inside a transaction the caller holds. */
    public void heartbeat(Session s, Long techNodeId, PresenceStatus status) {
        presence.beat(Tx.of(s), techNodeId, status, clock.instant());
    }
}
