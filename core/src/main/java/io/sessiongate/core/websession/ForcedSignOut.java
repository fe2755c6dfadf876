package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Tx;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a user off at once, inside the transaction that disables or deletes them: every Active web session
 * of theirs becomes Ended (one event each, as a logout records it), and their auth code is removed. The
 * next request with that cookie is not logged in, the next with that code has an invalid code, on every
 * server process, since both live only in the database.
 */
public final class ForcedSignOut {

    private final WebSessionRepository webSessions;
    private final AuthCodeRepository authCodes;
    private final EventRecorder events;

    public ForcedSignOut(WebSessionRepository webSessions, AuthCodeRepository authCodes, EventRecorder events) {
        this.webSessions = webSessions;
        this.authCodes = authCodes;
        this.events = events;
    }

    /** What was cut: the web sessions ended, and whether an auth code was removed. */
    public record Done(List<Long> endedWebSessionIds, boolean authCodeRevoked) {
        public Done {
            endedWebSessionIds = List.copyOf(endedWebSessionIds);
        }
    }

    /** Ends {@code userId}'s Active web sessions and removes their auth code; {@code byUserId} made the change. */
    public Done signOut(Tx tx, long userId, Long byUserId) {
        List<Long> ended = new ArrayList<>();
        for (WebSessionRepository.ActiveSession w : webSessions.activeOfUser(tx, userId)) {
            if (webSessions.endByAdministration(tx, w.id())) {
                events.record(tx, w.accountId(), ObjectType.WEB_SESSION, w.id(), EventAction.UPDATED,
                        LoginService.state(SessionStatus.ACTIVE, userId, w.ipAddress(), w.roleIds(), w.folderListId()),
                        LoginService.state(SessionStatus.ENDED, userId, w.ipAddress(), w.roleIds(), w.folderListId()),
                        byUserId);
                ended.add(w.id());
            }
        }
        return new Done(ended, authCodes.revoke(tx, userId));
    }
}
