package io.sessiongate.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that follows real time plus an offset the test controls, so that a test can move time
 * forward (the 20-minute idle timeout, the 90-second presence window) without sleeping.
 */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock at the current instant (it still moves by {@link #advance}), for replies that show a time. */
    public void freeze() {
        frozenAt = Instant.now();
    }

    /** Stops the clock at {@code instant} (it still moves by {@link #advance}), for replies checked to the second. */
    public void freezeAt(Instant instant) {
        offset = Duration.ZERO;
        frozenAt = instant;
    }

    /** Back to the real time: no offset, not frozen. */
    public void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen != null ? frozen : Instant.now()).plus(offset);
    }
}
