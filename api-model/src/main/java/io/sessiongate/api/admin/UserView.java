package io.sessiongate.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * A user (a login) of an account: their identity and status ({@code ENABLED}, {@code DISABLED},
 * {@code DELETED}), the nodes they hold and the groups those hang in, their roles and own folder list.
 *
 * @param technicianNodeId    their technician node (what a support session is transferred to); null when none
 * @param administratorNodeId their administrator (or master administrator) node; null when none
 * @param administratorKind   {@code ADMINISTRATOR} or {@code MASTER_ADMINISTRATOR}; null without such a node
 * @param folderListId        their own folder list; null: their highest-priority role's applies
 * @param version             the user's version: the ETag, for {@code If-Match}
 */
public record UserView(long userId, String email, String name, String nick, String ssoId, String status,
                       Long technicianNodeId, Long technicianGroupId, Long administratorNodeId,
                       Long administratorGroupId, String administratorKind, List<Long> roles, Long folderListId,
                       Instant createdAt, long version) {

    public UserView {
        roles = List.copyOf(roles);
    }
}
