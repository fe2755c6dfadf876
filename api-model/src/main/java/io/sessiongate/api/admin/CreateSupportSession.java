package io.sessiongate.api.admin;

import java.util.List;

/**
 * A new support session: with a PIN code for a technician ({@code technicianId}; their console must
 * run unless {@code noTechConsole}), or waiting in a channel's queue ({@code channelId}); exactly one
 * of the two. {@code customerName} is custom field 0; {@code customFields} are the six custom fields
 * (at most six, nulls allowed); {@code tracking} the tracking id; {@code language} e.g. {@code en}.
 */
public record CreateSupportSession(Long technicianId, Long channelId, String customerName, List<String> customFields,
                                   String tracking, String language, Boolean noTechConsole) {
}
