package io.sessiongate.core.websession;

import io.sessiongate.core.account.FolderList;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.User;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Derives a web session's roles and folder list, as WebsydianExpress does: the roles are the
 * user's (the site's anonymous roles when there is no user); the folder list is the user's own,
 * else that of the role with the highest priority (lowest role ID on a tie).
 */
public final class AccessDerivation {

    private AccessDerivation() {
    }

    /** Empty when no folder list can be found (WSE0103 "No folder list found"). */
    public static Optional<Access> derive(Session s, Long accountId, User userOrNull) {
        List<Role> roles;
        if (userOrNull != null) {
            Set<Long> ids = userOrNull.getRoleIds();
            roles = ids.isEmpty() ? List.of() : s.createSelectionQuery(
                            "from Role where id in :ids and accountId = :a", Role.class)
                    .setParameter("ids", ids)
                    .setParameter("a", accountId)
                    .getResultList();
        } else {
            roles = s.createSelectionQuery("from Role where accountId = :a and anonymous", Role.class)
                    .setParameter("a", accountId)
                    .getResultList();
        }
        Long folderListId = userOrNull != null && userOrNull.getFolderListId() != null
                ? userOrNull.getFolderListId()
                : roles.stream()
                        .min(Comparator.comparingInt(Role::getPriority).reversed().thenComparing(Role::getId))
                        .map(Role::getFolderListId)
                        .orElse(null);
        if (folderListId == null) {
            return Optional.empty();
        }
        FolderList list = s.get(FolderList.class, folderListId);
        if (list == null || !list.getAccountId().equals(accountId)) {
            return Optional.empty();
        }
        boolean administrator = roles.stream().anyMatch(r -> r.getKind().administers());
        return Optional.of(new Access(
                roles.stream().map(Role::getId).collect(Collectors.toSet()),
                administrator, folderListId, Set.copyOf(list.getGroupIds())));
    }
}
