package io.sessiongate.core.rescue;

import static io.sessiongate.core.rescue.SupportSessionStatus.ACTIVE;
import static io.sessiongate.core.rescue.SupportSessionStatus.CLOSED_BY_CUSTOMER;
import static io.sessiongate.core.rescue.SupportSessionStatus.CLOSED_BY_TECHNICIAN;
import static io.sessiongate.core.rescue.SupportSessionStatus.CLOSED_BY_WAITING_CUSTOMER;
import static io.sessiongate.core.rescue.SupportSessionStatus.EXPIRED;
import static io.sessiongate.core.rescue.SupportSessionStatus.ON_HOLD;
import static io.sessiongate.core.rescue.SupportSessionStatus.PIN_ISSUED;
import static io.sessiongate.core.rescue.SupportSessionStatus.TIMED_OUT;
import static io.sessiongate.core.rescue.SupportSessionStatus.TRANSFERRING;
import static io.sessiongate.core.rescue.SupportSessionStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.rescue.SessionLifecycle.Change;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every (status, change) pair against DESIGN.md's table, written out here a second time: allowed ones and refused ones. */
class SessionLifecycleTest {

    private static final Map<SupportSessionStatus, Map<Change, SupportSessionStatus>> ALLOWED =
            new EnumMap<>(SupportSessionStatus.class);

    private static void allow(SupportSessionStatus from, Change change, SupportSessionStatus to) {
        ALLOWED.computeIfAbsent(from, f -> new EnumMap<>(Change.class)).put(change, to);
    }

    static {
        allow(PIN_ISSUED, Change.JOIN, WAITING);
        allow(PIN_ISSUED, Change.EXPIRE, EXPIRED);
        for (SupportSessionStatus queued : new SupportSessionStatus[] {WAITING, TRANSFERRING}) {
            allow(queued, Change.START, ACTIVE);
            allow(queued, Change.CLOSE, CLOSED_BY_TECHNICIAN);
            allow(queued, Change.CUSTOMER_LEAVE, CLOSED_BY_WAITING_CUSTOMER);
            allow(queued, Change.TIME_OUT, TIMED_OUT);
            allow(queued, Change.TRANSFER_TO_TECHNICIAN, TRANSFERRING);
            allow(queued, Change.TRANSFER_TO_CHANNEL, WAITING);
            allow(queued, Change.CANCEL_TRANSFER, ACTIVE); // the status before the transfer, ACTIVE here
        }
        allow(ACTIVE, Change.HOLD, ON_HOLD);
        allow(ACTIVE, Change.CLOSE, CLOSED_BY_TECHNICIAN);
        allow(ACTIVE, Change.CUSTOMER_LEAVE, CLOSED_BY_CUSTOMER);
        allow(ACTIVE, Change.TIME_OUT, TIMED_OUT);
        allow(ACTIVE, Change.TRANSFER_TO_TECHNICIAN, TRANSFERRING);
        allow(ACTIVE, Change.TRANSFER_TO_CHANNEL, WAITING);
        allow(ON_HOLD, Change.START, ACTIVE);
        allow(ON_HOLD, Change.CLOSE, CLOSED_BY_TECHNICIAN);
        allow(ON_HOLD, Change.CUSTOMER_LEAVE, CLOSED_BY_CUSTOMER);
        allow(ON_HOLD, Change.TRANSFER_TO_TECHNICIAN, TRANSFERRING);
        allow(ON_HOLD, Change.TRANSFER_TO_CHANNEL, WAITING);
    }

    @Test
    void everyPairIsAllowedExactlyAsTheTableSays() {
        int allowed = 0;
        for (SupportSessionStatus from : SupportSessionStatus.values()) {
            for (Change change : Change.values()) {
                SupportSessionStatus expected = ALLOWED.getOrDefault(from, Map.of()).get(change);
                assertThat(SessionLifecycle.next(from, change, ACTIVE)).as(from + " " + change)
                        .isEqualTo(Optional.ofNullable(expected));
                allowed += expected == null ? 0 : 1;
            }
        }
        assertThat(allowed).isEqualTo(2 + 2 * 7 + 6 + 5);
    }

    @Test
    void finalStatusesAllowNothing() {
        for (SupportSessionStatus from : SupportSessionStatus.values()) {
            if (from.isFinal()) {
                for (Change change : Change.values()) {
                    assertThat(SessionLifecycle.next(from, change, WAITING)).as(from + " " + change).isEmpty();
                }
            }
        }
    }

    @Test
    void cancelWithNothingPendingIsRefused() {
        assertThat(SessionLifecycle.next(TRANSFERRING, Change.CANCEL_TRANSFER, null)).isEmpty();
        assertThat(SessionLifecycle.next(WAITING, Change.CANCEL_TRANSFER, null)).isEmpty();
        assertThat(SessionLifecycle.next(TRANSFERRING, Change.CANCEL_TRANSFER, WAITING)).contains(WAITING);
    }
}
