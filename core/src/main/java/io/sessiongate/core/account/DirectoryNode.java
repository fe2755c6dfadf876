package io.sessiongate.core.account;

import io.sessiongate.core.rescue.PresenceStatus;
import java.util.Set;

/**
 * A node of an account's hierarchy as the directory service answers it, in domain terms (each API
 * renders it: the Rescue API's "Type" and "Status" texts are its presentation).
 *
 * @param status          a group's or channel's status; ENABLED for the root and organisation nodes and people
 * @param person          the user who holds the node, for a technician, administrator or master administrator
 * @param channelGroupIds for a channel, the technician groups it serves; else empty
 * @param version         the node row's version (V11), which every change through the entity bumps: the JSON
 *                        API's ETag, and what {@link NodeChange#expectedVersion()} names
 */
public record DirectoryNode(long id, long accountId, Long parentId, NodeKind kind, String name, String description,
                            NodeStatus status, Person person, Set<Long> channelGroupIds, long version) {

    public DirectoryNode {
        channelGroupIds = Set.copyOf(channelGroupIds);
    }

    /**
     * The user behind a person node.
     *
     * @param presence the console's status while it runs (technicians only); null when Offline
     */
    public record Person(long userId, String email, String nick, String ssoId, UserStatus status,
                         PresenceStatus presence) {
    }

    /** A technician whose console runs and who is enabled: Online, Away or Busy. */
    public boolean isOnlineTechnician() {
        return kind == NodeKind.TECHNICIAN && person != null && person.status() == UserStatus.ENABLED
                && person.presence() != null;
    }

    /** The same node under another parent. */
    DirectoryNode movedTo(long newParentId) {
        return new DirectoryNode(id, accountId, newParentId, kind, name, description, status, person, channelGroupIds,
                version);
    }
}
