package io.sessiongate.api.rescue;

import java.util.List;
import java.util.Objects;

/**
 * One support session as {@code getSession_v3} lists it: a row of the pipe-separated table over
 * HTTP, a {@code SESSION_V3} record over SOAP.
 *
 * @param id                 the session ID
 * @param status             the status as the vendor displays it: {@code Waiting}, {@code Active},
 *                           {@code On Hold}, {@code Transferring}, {@code Closed by technician}
 * @param entryId            the channel the session came in through, or null
 * @param entry              that channel's name, or empty
 * @param technicianId       the technician who owns the session, or null while it waits in a queue
 * @param technician         that technician's name, or empty
 * @param startTime          when the session started, as {@code 2/19/2024 2:36:37 PM} (UTC)
 * @param waitingTimeSeconds seconds since the session's last status change
 * @param customFields       the six custom fields, empty strings where unset
 * @param language           the customer's language code
 * @param transferredTo      the name of the technician or channel of the last transfer, or empty
 * @param transferredComment the comment of the last transfer, or empty
 * @param lead               whether the listed technician leads the session
 * @param handingOff         whether the session is being handed off
 */
public record SessionRow(long id, String status, Long entryId, String entry, Long technicianId, String technician,
                         String startTime, long waitingTimeSeconds, List<String> customFields, String language,
                         String transferredTo, String transferredComment, boolean lead, boolean handingOff) {

    /** How many custom fields a session has. */
    public static final int CUSTOM_FIELDS = 6;

    public SessionRow {
        Objects.requireNonNull(status, "status");
        entry = Objects.requireNonNullElse(entry, "");
        technician = Objects.requireNonNullElse(technician, "");
        startTime = Objects.requireNonNullElse(startTime, "");
        customFields = List.copyOf(customFields.stream().map(f -> Objects.requireNonNullElse(f, "")).toList());
        if (customFields.size() != CUSTOM_FIELDS) {
            throw new IllegalArgumentException("a session has " + CUSTOM_FIELDS + " custom fields");
        }
        language = Objects.requireNonNullElse(language, "");
        transferredTo = Objects.requireNonNullElse(transferredTo, "");
        transferredComment = Objects.requireNonNullElse(transferredComment, "");
    }
}
