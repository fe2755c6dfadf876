package io.sessiongate.api.admin;

/**
 * A change of a node: each field given is set, each absent (or null) left as it is. A group's or channel's
 * {@code name}, {@code description} and {@code status} ({@code ENABLED}, {@code DISABLED}); a person node's
 * {@code description} (their name and status are their user's); {@code parentId} moves a group or a person
 * into another group.
 */
public record NodePatch(String name, String description, String status, Long parentId) {
}
