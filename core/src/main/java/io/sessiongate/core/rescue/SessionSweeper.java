package io.sessiongate.core.rescue;

import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Applies the accounts' time-outs (DESIGN.md, "Support session lifecycle"), in every server process
 * at once without doing a change twice:
 *
 * <ul>
 *   <li>a PIN code past its validity ({@code pin_validity_minutes}): {@code PIN_ISSUED} → {@code EXPIRED},
 *       the code cleared so that it can be issued again;</li>
 *   <li>a session not picked up ({@code WAITING}, or {@code TRANSFERRING} to a technician who has not
 *       picked it up) longer than {@code waiting_timeout_minutes}, counted from its last status change
 *       (what getSession_v3 shows as its Waiting Time): → {@code TIMED_OUT};</li>
 *   <li>an {@code ACTIVE} session idle for {@code idle_timeout_minutes}: idle means no status change
 *       since it was started or resumed; the server hears nothing else of a running session, so
 *       this is the only activity it can see. {@code ON_HOLD} never times out (the vendor's rule).</li>
 * </ul>
 *
 * <p>0 minutes is never. Each kind is read in bounded batches ({@link
 * SupportSessionRepository#SWEEP_BATCH}) by indexed queries, without locks; each session is then
 * changed in a transaction of its own by a conditional UPDATE ({@code WHERE id AND version AND
 * status}) and one event. Whichever process's UPDATE comes first changes the row; the other's finds
 * it changed and skips it, so a change is never applied twice. A process dying mid-sweep loses
 * nothing: what it did not commit is still due, and the next sweep (of any process) finds it. The
 * batch is shuffled so that processes sweeping at once mostly take different rows.
 */
public final class SessionSweeper {

    /** Batches per kind in one {@link #sweep()}, so that one sweep never runs unbounded. */
    static final int MAX_BATCHES = 20;

    private final Database db;
    private final EventRecorder events;
    private final Clock clock;
    private final SupportSessionRepository sessions;

    public SessionSweeper(Database db, EventRecorder events, Clock clock, SupportSessionRepository sessions) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** What one sweep changed (by this process). */
    public record Swept(int expiredPins, int waitingTimedOut, int idleTimedOut) {
        public int total() {
            return expiredPins + waitingTimedOut + idleTimedOut;
        }
    }

    /** One pass over the three kinds, as of the clock's now. */
    public Swept sweep() {
        Instant now = clock.instant();
        int expired = kind(sessions::duePins, SupportSessionStatus.EXPIRED, EventAction.EXPIRED, "PIN_VALIDITY", now);
        int waiting = kind(sessions::dueWaiting, SupportSessionStatus.TIMED_OUT, EventAction.TIMED_OUT,
                "WAITING_TIMEOUT", now);
        int idle = kind(sessions::dueIdle, SupportSessionStatus.TIMED_OUT, EventAction.TIMED_OUT, "IDLE_TIMEOUT", now);
        return new Swept(expired, waiting, idle);
    }

    private int kind(BiFunction<Tx, Instant, List<SupportSessionRepository.Due>> read, SupportSessionStatus to,
                     EventAction action, String reason, Instant now) {
        int changed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<SupportSessionRepository.Due> due = new ArrayList<>(db.inTransaction(s -> read.apply(Tx.of(s), now)));
            Collections.shuffle(due);
            int mine = 0;
            for (SupportSessionRepository.Due d : due) {
                if (end(d, to, action, reason, now)) {
                    mine++;
                }
            }
            changed += mine;
            // A short batch was the last; a batch wholly taken by another process means it is sweeping too.
            if (due.size() < SupportSessionRepository.SWEEP_BATCH || mine == 0) {
                break;
            }
        }
        return changed;
    }

    /** One session's change and its event, in one transaction; false when someone changed it first. */
    private boolean end(SupportSessionRepository.Due due, SupportSessionStatus to, EventAction action, String reason,
                        Instant now) {
        if (SessionLifecycle.next(due.status(), change(to), null).filter(to::equals).isEmpty()) {
            return false; // not a change the lifecycle allows from this status (the queries read only those that are)
        }
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            if (!sessions.end(tx, due, to, now)) {
                return false;
            }
            Map<String, Object> before = new HashMap<>();
            before.put("status", due.status().name());
            before.put("technicianNodeId", due.technicianNodeId());
            before.put("channelNodeId", due.channelNodeId());
            Map<String, Object> after = new HashMap<>(before);
            after.put("status", to.name());
            after.put("reason", reason);
            events.record(tx, due.accountId(), ObjectType.SUPPORT_SESSION, due.id(), action, before, after, null);
            return true;
        });
    }

    private static SessionLifecycle.Change change(SupportSessionStatus to) {
        return to == SupportSessionStatus.EXPIRED ? SessionLifecycle.Change.EXPIRE : SessionLifecycle.Change.TIME_OUT;
    }
}
