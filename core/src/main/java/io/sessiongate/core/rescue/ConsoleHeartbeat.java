package io.sessiongate.core.rescue;

import java.time.Duration;
import java.time.Instant;

/**
 * The one rule of technician presence: a technician's console is running while its last heartbeat
 * is younger than {@link #OFFLINE_AFTER}; a technician without a running console is Offline.
 */
public final class ConsoleHeartbeat {

    /** A technician whose console has been silent this long is Offline. */
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(90);

    private ConsoleHeartbeat() {
    }

    /** True while a console last heard at {@code lastHeartbeat} (null: never) is running at {@code now}. */
    public static boolean isRunning(Instant lastHeartbeat, Instant now) {
        return lastHeartbeat != null && lastHeartbeat.isAfter(runningSince(now));
    }

    /** The oldest heartbeat that still counts at {@code now}, for SQL that filters on the rule. */
    public static Instant runningSince(Instant now) {
        return now.minus(OFFLINE_AFTER);
    }
}
