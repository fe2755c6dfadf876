package io.sessiongate.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit trail: what changed ({@code objectType}, {@code objectId}), how
 * ({@code action}), the changed fields before and after (null for a creation or a removal), by whom
 * ({@code byUserId}: for an API token, the user it acts as) and when.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventView(long id, String objectType, long objectId, String action, Map<String, Object> before,
                        Map<String, Object> after, Long byUserId, Instant occurredAt) {
}
