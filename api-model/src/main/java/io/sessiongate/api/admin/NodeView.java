package io.sessiongate.api.admin;

import java.util.List;

/**
 * A node of an account's hierarchy: the root, an organisation node ({@code MASTER_ADMINISTRATORS},
 * {@code ADMINISTRATORS}, {@code TECHNICIANS}), a group ({@code TECHNICIAN_GROUP}, {@code ADMINISTRATOR_GROUP}),
 * a person ({@code TECHNICIAN}, {@code ADMINISTRATOR}, {@code MASTER_ADMINISTRATOR}) or a {@code CHANNEL}.
 *
 * @param parentId the node it hangs under; null for the root
 * @param status   {@code ENABLED} or {@code DISABLED}: a group's or channel's own; a person's is their user's
 * @param userId   for a person, the user who holds the node (a user may hold a technician and an administrator
 *                 node); else null
 * @param email    for a person, their user's email; else null
 * @param presence for a technician, {@code ONLINE}, {@code AWAY} or {@code BUSY} while their console runs, else
 *                 {@code OFFLINE}; null for every other kind
 * @param groupIds for a channel, the technician groups it serves; else empty
 * @param version  the node's version: its ETag, for {@code If-Match}
 */
public record NodeView(long id, Long parentId, String kind, String name, String description, String status,
                       Long userId, String email, String presence, List<Long> groupIds, long version) {

    public NodeView {
        groupIds = List.copyOf(groupIds);
    }
}
