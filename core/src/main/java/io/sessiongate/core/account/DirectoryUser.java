package io.sessiongate.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user of an account as the directory service answers it for the JSON API: the login identity with the
 * nodes they hold (a technician node, an administrator or master administrator node, or both, with different
 * ids) and the groups those hang in, their roles and own folder list, and the row's version.
 *
 * @param technicianNodeId     their live technician node; null when they hold none
 * @param technicianGroupId    the group (or Technicians) their technician node hangs in
 * @param administratorNodeId  their live administrator or master administrator node; null when they hold none
 * @param administratorKind    {@link NodeKind#ADMINISTRATOR} or {@link NodeKind#MASTER_ADMINISTRATOR}; null without
 * @param folderListId         their own folder list; null: their roles' applies
 * @param version              the user row's version: the JSON API's ETag, what {@link UserChange#expectedVersion()}
 *                             names
 */
public record DirectoryUser(long userId, long accountId, String email, String name, String nick, String ssoId,
                            UserStatus status, Long technicianNodeId, Long technicianGroupId, Long administratorNodeId,
                            Long administratorGroupId, NodeKind administratorKind, Set<Long> roleIds,
                            Long folderListId, Instant createdAt, long version) {

    public DirectoryUser {
        roleIds = Set.copyOf(roleIds);
    }

    /**
     * One page of users in id order, and the id to continue after (null: the last page).
     */
    public record Page(List<DirectoryUser> users, Long nextAfterId) {
        public Page {
            users = List.copyOf(users);
        }
    }
}
