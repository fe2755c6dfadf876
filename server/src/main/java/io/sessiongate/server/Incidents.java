package io.sessiongate.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server fault, logged once with a random incident id that the reply carries, so that an
 * operator can find the log line a caller reports without the reply showing any internals.
 */
public final class Incidents {

    /** The response header that carries the incident id of a fault. */
    public static final String HEADER = "X-Sessiongate-Incident";

    private static final Logger LOG = LoggerFactory.getLogger("sessiongate.incident");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {
    }

    /** A new incident id, e.g. {@code 4f9c2a7e1b3d5c60}. */
    public static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Logs {@code fault} as an incident of {@code context} (what was being done, for whom) and returns its id.
     * The database being unreachable is logged without a stack trace: it is an operating condition, not a bug.
     */
    public static String log(String context, Throwable fault) {
        String id = newId();
        if (fault instanceof io.sessiongate.core.persistence.DataAccessException.Unavailable) {
            LOG.error("incident {}: {}: {}", id, context, fault.getMessage());
        } else {
            LOG.error("incident {}: {}", id, context, fault);
        }
        return id;
    }
}
