package io.sessiongate.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A support session: its status (the lifecycle's names, e.g. {@code WAITING}, {@code ACTIVE}), where
 * it is (technician, channel), its six custom fields (null where unset), and when it started and last
 * changed status. {@code transfers} is the session's transfer history on a single read, null in lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupportSessionView(long id, String status, Long technicianId, String technicianName, Long channelId,
                                 String channelName, List<String> customFields, String tracking, String language,
                                 Instant startedAt, Instant statusChangedAt, List<TransferView> transfers) {

    /** One transfer: from where to where ({@code NODE} a technician, {@code CHANNEL} a queue), by whom, when. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TransferView(long id, Long fromNodeId, long toNodeId, String nodeRef, String comment, long byUserId,
                               Instant transferredAt) {
    }
}
