package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A web session as Session.GetSessionData shows it, in the domain's types; the APIServer resource
 * renders it in the API's shape.
 *
 * @param status TimedOut when the session is idle past its time-out, whether or not marked yet
 */
public record WebSessionView(long id, String siteKey, Long userId, String ipAddress, SessionStatus status,
                             List<WebSessionRepository.RoleRow> roles, FolderList folderList, Instant createdAt,
                             Instant lastRequestAt, long requestCount, Duration timeout) {

    public WebSessionView {
        roles = List.copyOf(roles);
    }

    /** The session's folder list and the group nodes in it. */
    public record FolderList(long id, String name, List<Long> groupIds) {
        public FolderList {
            groupIds = List.copyOf(groupIds);
        }
    }
}
