package io.sessiongate.api.admin;

import java.time.Instant;

/** A new API token's name and, optionally, when it stops working. */
public record CreateApiToken(String name, Instant expiresAt) {
}
