package io.sessiongate.api.admin;

/**
 * The body of a support session's transfer ({@code technicianId} or {@code channelId}, and a
 * {@code comment}) and of its start ({@code technicianId}, who picks it up).
 */
public record SupportSessionAction(Long technicianId, Long channelId, String comment) {
}
