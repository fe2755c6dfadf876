package io.sessiongate.core.report;

import io.sessiongate.api.rescue.NodeRef;
import java.time.Instant;
import java.util.List;

/**
 * What one report reads, decided when it was asked for: the account, the technicians (a {@code NODE}
 * report) or the channel (a {@code CHANNEL} report) whose sessions and transfers it covers, the
 * settings it was asked with, their period, and the moment it was made.
 */
record ReportPlan(long accountId, NodeRef nodeType, List<Long> technicianIds, Long channelId,
                  ReportSettings settings, ReportSettings.Period period, Instant now) {

    ReportPlan {
        technicianIds = List.copyOf(technicianIds);
    }

    /** True when nothing can match: a group without a technician the caller may see. */
    boolean empty() {
        return nodeType == NodeRef.NODE && technicianIds.isEmpty();
    }
}
