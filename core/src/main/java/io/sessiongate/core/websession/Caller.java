package io.sessiongate.core.websession;

import io.sessiongate.core.account.UserStatus;
import java.util.Set;

/**
 * Who is calling, as established from the login cookie or an auth code: the user, their account,
 * and what they may do (from the web session's snapshot, or derived live for an auth code).
 *
 * @param webSessionId the web session behind the cookie; null when the caller used an auth code
 */
public record Caller(Long userId, Long accountId, UserStatus userStatus, Long techNodeId, Long webSessionId,
                     boolean administrator, boolean wholeAccount, Set<Long> folderGroupIds) {

    public Caller {
        folderGroupIds = Set.copyOf(folderGroupIds);
    }

    public boolean isEnabled() {
        return userStatus == UserStatus.ENABLED;
    }

    /**
     * True when the caller may act in group {@code groupId} of their account: it is in their folder
     * list, or they act on the whole account (a master administrator). The account itself is the
     * caller's to check ({@link io.sessiongate.core.rescue.Scope} does).
     */
    public boolean mayActIn(Long groupId) {
        return groupId != null && (wholeAccount || folderGroupIds.contains(groupId));
    }
}
