package io.sessiongate.core.account;

/**
 * The JSON API's change of one node ({@code PATCH .../nodes/{nodeId}}): a group's or channel's name,
 * description and status, and a move under another parent ({@code parentId}: a group, or the root for a
 * channel), in one transaction with one event. A person's node takes a description and a move; their name
 * and status are their user's ({@link UserChange}). A null field is left as it is.
 *
 * @param expectedVersion the node's version the caller read (its ETag); null: whatever it is now
 */
public record NodeChange(Long nodeId, Long expectedVersion, String name, String description, String status,
                         Long parentId) {
}
