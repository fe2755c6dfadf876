package io.sessiongate.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An API token as listed: never its secret. {@code userId} is the user it acts as. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiTokenView(long id, String name, long userId, Instant createdAt, Instant expiresAt,
                           Instant revokedAt) {
}
