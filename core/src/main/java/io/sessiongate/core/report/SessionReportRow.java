package io.sessiongate.core.report;

import io.sessiongate.core.rescue.SupportSessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One support session as the session report shows it. The times of a live session run to the moment
 * the report was made.
 *
 * @param startedAt     when the session began: its PIN code was issued, or the customer entered a channel
 * @param closedAt      when it was closed; null while it lives
 * @param lastActionAt  its last change of status
 * @param privateSession true for a session of a PIN code (the vendor's private session), false for one
 *                      that came in through a channel
 * @param customFields  the six custom fields (the first is the customer's name), null where not given
 * @param waiting       time spent Waiting (in a queue)
 * @param inTransfer    time spent Transferring (to a technician, not yet picked up)
 * @param work          time spent Active
 * @param hold          time spent On Hold
 */
public record SessionReportRow(long sessionId, Instant startedAt, Instant closedAt, Instant lastActionAt,
                               Long technicianId, String technicianName, String technicianEmail,
                               String technicianGroup, boolean privateSession, SupportSessionStatus status,
                               List<String> customFields, String trackingId, Long channelId, String channelName,
                               Duration waiting, Duration inTransfer, Duration work, Duration hold) {

    /** Picked up until closed (or now): the time Active and On Hold. */
    public Duration active() {
        return work.plus(hold);
    }

    /** The whole life of the session in the queues and with technicians: waiting, in transfer, active. */
    public Duration total() {
        return waiting.plus(inTransfer).plus(active());
    }
}
