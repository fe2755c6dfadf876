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
                     boolean administrator, Set<Long> folderGroupIds) {

    public Caller {
        folderGroupIds = Set.copyOf(folderGroupIds);
    }

    public boolean isEnabled() {
        return userStatus == UserStatus.ENABLED;
    }

    /** True when {@code groupId} is in the caller's folder list. */
    public boolean mayActIn(Long groupId) {
        return groupId != null && folderGroupIds.contains(groupId);
    }
}
