package io.sessiongate.core.websession;

import java.util.Set;

/**
 * What a web session may do: its roles, whether any of them administers, whether any acts on the
 * whole account (a master administrator), and its folder list with the group nodes in it. A
 * snapshot of this is stored with each web session.
 */
public record Access(Set<Long> roleIds, boolean administrator, boolean wholeAccount, Long folderListId,
                     Set<Long> folderGroupIds) {

    public Access {
        roleIds = Set.copyOf(roleIds);
        folderGroupIds = Set.copyOf(folderGroupIds);
    }
}
