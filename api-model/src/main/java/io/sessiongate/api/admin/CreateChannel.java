package io.sessiongate.api.admin;

/** A new channel (under the account's root); {@code status}: {@code ENABLED} (default) or {@code DISABLED}. */
public record CreateChannel(String name, String description, String status) {
}
