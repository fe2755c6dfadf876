package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The APIServer session API over the web sessions that login creates: Session.UpdateValidation
 * (validate, write nothing), Session.Update (validate, then change the session in the same
 * transaction, with an event) and Session.GetSessionData. Only an administrator of the site may
 * validate or update; any logged-in user may read their own session.
 */
public final class SessionUpdateService {

    private static final int ATTEMPTS = 3;

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final EventRecorder events;
    private final Clock clock;
    private final WebSessionRepository webSessions;
    private final SessionUpdateValidator validator;

    public SessionUpdateService(Database db, CallerAuthenticator authenticator, EventRecorder events, Clock clock,
                                WebSessionRepository webSessions) {
        this.db = db;
        this.webSessions = webSessions;
        this.validator = new SessionUpdateValidator(webSessions);
        this.authenticator = authenticator;
        this.events = events;
        this.clock = clock;
    }

    /** What a call came to. */
    public sealed interface Outcome {
        /** Validated (and, for an update, written). */
        record Done() implements Outcome {
        }

        /** The request broke rules; nothing was written. */
        record Invalid(List<ApiServerError> errors) implements Outcome {
        }

        /** No valid credentials of an administrator of the caller's site (or, for reading, of anyone). */
        record NotAuthenticated() implements Outcome {
        }

        /** The session asked for does not exist in the caller's site. */
        record NotFound() implements Outcome {
        }

        /** The session's data. */
        record Data(WebSessionView session) implements Outcome {
        }

        /** The session's version is no longer the one the caller named (the administration API's If-Match). */
        record PreconditionFailed() implements Outcome {
        }
    }

    /** Session.UpdateValidation: every rule, nothing written (but the caller's own request touch). */
    public Outcome validate(Credentials credentials, SessionUpdate request) {
        return db.inTransaction(s -> {
            var lookup = validator.lookupAhead(Tx.of(s), request); // travels behind the authentication's read
            if (!(authenticator.admit(s, credentials, Admission.Policy.ADMINISTRATOR) instanceof Admission.Admitted a)) {
                return new Outcome.NotAuthenticated();
            }
            var v = validator.validate(a.caller(), request, clock.instant(), lookup);
            return v.isValid() ? new Outcome.Done() : new Outcome.Invalid(v.errors());
        });
    }

    /** Session.Update: validation, then the change and its event, all in one transaction. */
    public Outcome update(Credentials credentials, SessionUpdate request) {
        return update(credentials, request, null);
    }

    /**
     * Session.Update when the session's version is still {@code expectedVersion} (null: any), as the
     * administration API's {@code PATCH .../web-sessions/{id}} with {@code If-Match} asks: the same
     * validation, write and event, or {@link Outcome.PreconditionFailed} when it changed.
     */
    public Outcome update(Credentials credentials, SessionUpdate request, Long expectedVersion) {
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            var firstLookup = validator.lookupAhead(tx, request); // travels behind the authentication's read
            if (!(authenticator.admit(s, credentials, Admission.Policy.ADMINISTRATOR) instanceof Admission.Admitted a)) {
                return new Outcome.NotAuthenticated();
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Instant now = clock.instant();
                var v = attempt == 0 ? validator.validate(a.caller(), request, now, firstLookup)
                        : validator.validate(tx, a.caller(), request, now);
                if (!v.isValid()) {
                    return new Outcome.Invalid(v.errors());
                }
                if (expectedVersion != null && v.target().version() != expectedVersion) {
                    return new Outcome.PreconditionFailed();
                }
                Optional<Outcome> written = write(tx, a.caller(), v);
                if (written.isPresent()) {
                    return written.get();
                }
            }
            return new Outcome.Invalid(List.of(ApiServerError.of(ErrorCode.SESSION_CHANGED, "SessionSurrogate",
                    "The session kept changing during the update; try again.")));
        });
    }

    /** Session.GetSessionData: the given session of the caller's site, or the caller's own when none is given. */
    public Outcome get(Credentials credentials, String surrogateRaw) {
        return db.inTransaction(s -> {
            if (!(authenticator.admit(s, credentials, Admission.Policy.ANY_USER) instanceof Admission.Admitted a)) {
                return new Outcome.NotAuthenticated();
            }
            Caller caller = a.caller();
            Long id;
            if (surrogateRaw == null || surrogateRaw.isBlank()) {
                if (caller.webSessionId() == null) {
                    return new Outcome.Invalid(List.of(ApiServerError.of(ErrorCode.SESSION_SURROGATE_MISSING,
                            "SessionSurrogate", "SessionSurrogate is mandatory with an auth code: it has no session.")));
                }
                id = caller.webSessionId();
            } else {
                List<ApiServerError> errors = new ArrayList<>();
                id = SessionUpdateValidator.id(surrogateRaw, "SessionSurrogate", null,
                        ErrorCode.SESSION_SURROGATE_INVALID, errors);
                if (!errors.isEmpty()) {
                    return new Outcome.Invalid(errors);
                }
            }
            if (!caller.administrator() && !id.equals(caller.webSessionId())) {
                return new Outcome.NotAuthenticated(); // a non-administrator reads only their own session
            }
            Tx tx = Tx.of(s);
            Optional<WebSessionRepository.SessionDataRow> found = webSessions.sessionData(tx, id, caller.accountId());
            if (found.isEmpty()) {
                return new Outcome.NotFound();
            }
            return new Outcome.Data(view(tx, caller.accountId(), found.get()));
        });
    }

    private WebSessionView view(Tx tx, long accountId, WebSessionRepository.SessionDataRow r) {
        SessionStatus status = r.status();
        if (status == SessionStatus.ACTIVE && IdleTimeout.isIdle(r.lastRequestAt(), r.timeout(), clock.instant())) {
            status = SessionStatus.TIMED_OUT; // idle past its timeout: TimedOut, whether or not marked yet
        }
        List<WebSessionRepository.RoleRow> roles = r.roleIds() == null || r.roleIds().isEmpty() ? List.of()
                : webSessions.roles(tx, accountId, r.roleIds());
        WebSessionView.FolderList folders = r.folderListId() == null ? null : new WebSessionView.FolderList(
                r.folderListId(), r.folderListName(), List.copyOf(StoredIds.parse(r.folderGroupIds())));
        return new WebSessionView(r.id(), r.siteKey(), r.userId(), r.ipAddress(), status, roles, folders,
                r.createdAt(), r.lastRequestAt(), r.requestCount(), r.timeout());
    }

    /** Applies a valid request; empty when the session changed since it was read. */
    private Optional<Outcome> write(Tx tx, Caller caller, SessionUpdateValidator.Validation v) {
        var t = v.target();
        Long userId = t.userId() != null ? t.userId() : v.userId();
        String ip = v.ipAddress() != null ? v.ipAddress() : t.ipAddress();
        var snapshot = new WebSessionRepository.Snapshot(userId, t.roleIds(), t.administrator(), t.wholeAccount(),
                t.folderListId(), t.folderGroupIds());
        if (v.refresh()) {
            Optional<Access> access = AccessDerivation.derive(tx, t.accountId(), userId);
            if (access.isEmpty()) {
                return Optional.of(new Outcome.Invalid(List.of(ApiServerError.of(ErrorCode.NO_FOLDER_LIST_FOUND,
                        "RefreshRolesAndFolderList", "No folder list found for the session's user or roles."))));
            }
            snapshot = WebSessionRepository.Snapshot.of(userId, access.get());
        }
        if (!webSessions.update(tx, t.id(), t.version(), ip, v.status(), snapshot)) {
            return Optional.empty();
        }
        events.record(tx, t.accountId(), ObjectType.WEB_SESSION, t.id(), EventAction.UPDATED,
                state(SessionStatus.ACTIVE.code(), t.userId(), t.ipAddress(), t.roleIds(), t.folderListId()),
                state(v.status().code(), userId, ip, snapshot.roleIds(), snapshot.folderListId()), caller.userId());
        return Optional.of(new Outcome.Done());
    }

    private static Map<String, Object> state(String status, Long userId, String ip, String roleIds, Long folderListId) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", status);
        m.put("userId", userId);
        m.put("ipAddress", ip);
        m.put("roleIds", roleIds);
        m.put("folderListId", folderListId);
        return m;
    }
}
