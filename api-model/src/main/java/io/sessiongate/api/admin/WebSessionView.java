package io.sessiongate.api.admin;

import java.time.Instant;

/**
 * A web session (a login, the APIServer's "Session"): its user (null while anonymous), address,
 * status ({@code ACTIVE}, {@code TIMED_OUT}, {@code ENDED}; an idle session shows {@code TIMED_OUT}
 * whether or not it has been marked yet), the folder list it acts in and its requests.
 */
public record WebSessionView(long id, Long userId, String ipAddress, String status, boolean administrator,
                             boolean wholeAccount, Long folderListId, Instant createdAt, Instant lastRequestAt,
                             long requestCount) {
}
