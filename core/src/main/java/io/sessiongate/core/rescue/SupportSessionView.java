package io.sessiongate.core.rescue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A support session as the session queries return it, in the domain's types; each API renders it
 * in its own shape (a getSession_v3 table row, a SOAP {@code SESSION_V3}).
 *
 * @param customFields the six custom fields, null where unset
 * @param inStatus     how long the session has been in its status (never negative)
 * @param pickedUpAt   when a technician first picked the session up; null while it never was
 */
public record SupportSessionView(long id, SupportSessionStatus status, Long channelNodeId, String channelName,
                                 Long technicianNodeId, String technicianName, Instant startedAt, Duration inStatus,
                                 List<String> customFields, String language, String transferredTo,
                                 String transferredComment, Instant pickedUpAt) {

    public SupportSessionView {
        customFields = Collections.unmodifiableList(new ArrayList<>(customFields)); // unset fields stay null
    }

    /** A session never picked up. */
    public SupportSessionView(long id, SupportSessionStatus status, Long channelNodeId, String channelName,
                              Long technicianNodeId, String technicianName, Instant startedAt, Duration inStatus,
                              List<String> customFields, String language, String transferredTo,
                              String transferredComment) {
        this(id, status, channelNodeId, channelName, technicianNodeId, technicianName, startedAt, inStatus,
                customFields, language, transferredTo, transferredComment, null);
    }
}
