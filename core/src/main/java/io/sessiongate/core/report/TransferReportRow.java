package io.sessiongate.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * One transfer as the transferred-sessions reports show it.
 *
 * @param waiting        how long the session had waited in a queue when it was transferred (zero when it
 *                       was not Waiting; null for a transfer recorded before this was)
 * @param customerName   the session's first custom field
 * @param byNodeId       the technician node (else the administrator node) of the user who transferred it
 * @param fromId         the technician or channel the session left (null: none)
 * @param toId           the technician or channel it went to
 * @param inTransfer     for a transfer to a technician, how long until the session's next change (picked
 *                       up, transferred again, cancelled, closed), or until the report while none came;
 *                       zero for a transfer into a channel's queue
 * @param fromGroupId    the technician group of {@code fromId} when it is a technician
 * @param toGroupId      the technician group of {@code toId} when it is a technician
 */
public record TransferReportRow(long sessionId, Instant transferredAt, Duration waiting, String customerName,
                                Long byNodeId, String byName, Long fromId, String fromName, Long toId, String toName,
                                String comment, Duration inTransfer, Long fromGroupId, String fromGroupName,
                                Long toGroupId, String toGroupName) {
}
