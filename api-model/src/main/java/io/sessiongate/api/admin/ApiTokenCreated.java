package io.sessiongate.api.admin;

import java.time.Instant;

/**
 * A new API token with its secret ({@code token}), shown only in this reply: the server keeps its
 * hash. Send it as {@code Authorization: Bearer <token>}.
 */
public record ApiTokenCreated(long id, String name, String token, long userId, Instant createdAt,
                              Instant expiresAt) {

    @Override
    public String toString() {
        return "ApiTokenCreated[id=" + id + ", name=" + name + ", token=***]";
    }
}
