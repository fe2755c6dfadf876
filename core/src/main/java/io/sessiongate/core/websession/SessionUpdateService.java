package io.sessiongate.core.websession;

import static io.sessiongate.core.persistence.NativeRows.toBoolean;
import static io.sessiongate.core.persistence.NativeRows.toLong;

import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.apiserver.SessionData;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.core.account.User;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * The APIServer session API over the web sessions that login creates: Session.UpdateValidation
 * (validate, write nothing), Session.Update (validate, then change the session in the same
 * transaction, with an event) and Session.GetSessionData. Only an administrator of the site may
 * validate or update; any logged-in user may read their own session.
 */
public final class SessionUpdateService {

    private static final int ATTEMPTS = 3;

    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql UPDATE = NativeSql.of("""
            UPDATE web_session
            SET user_id = :user, ip_address = :ip, status = :status, role_ids = :roles, administrator = :admin,
                folder_list_id = :folders, folder_group_ids = :groups, version = version + 1
            WHERE id = :id AND version = :version AND status = 'A'""");

    private static final String SESSION_DATA = """
            SELECT w.id, a.site_key, w.user_id, w.ip_address, w.status, w.last_request_at < :cutoff, w.role_ids,
                   w.folder_list_id, f.name, w.folder_group_ids, w.created_at, w.last_request_at, w.request_count
            FROM web_session w JOIN account a ON a.id = w.account_id
            LEFT JOIN folder_list f ON f.id = w.folder_list_id
            WHERE w.id = :id AND w.account_id = :account""";

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final EventRecorder events;
    private final Clock clock;
    private final SessionUpdateValidator validator = new SessionUpdateValidator();

    public SessionUpdateService(Database db, CallerAuthenticator authenticator, EventRecorder events, Clock clock) {
        this.db = db;
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
        record Data(SessionData data) implements Outcome {
        }
    }

    /** Session.UpdateValidation: every rule, nothing written (but the caller's own request touch). */
    public Outcome validate(Credentials credentials, SessionUpdate request) {
        return db.inTransaction(s -> {
            Optional<Caller> caller = administrator(s, credentials);
            if (caller.isEmpty()) {
                return new Outcome.NotAuthenticated();
            }
            var v = validator.validate(s, caller.get(), request, clock.instant());
            return v.isValid() ? new Outcome.Done() : new Outcome.Invalid(v.errors());
        });
    }

    /** Session.Update: validation, then the change and its event, all in one transaction. */
    public Outcome update(Credentials credentials, SessionUpdate request) {
        return db.inTransaction(s -> {
            Optional<Caller> caller = administrator(s, credentials);
            if (caller.isEmpty()) {
                return new Outcome.NotAuthenticated();
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Instant now = clock.instant();
                var v = validator.validate(s, caller.get(), request, now);
                if (!v.isValid()) {
                    return new Outcome.Invalid(v.errors());
                }
                Optional<Outcome> written = write(s, caller.get(), v);
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
            if (!(authenticator.authenticate(s, credentials) instanceof Authentication.Authenticated a)
                    || !a.caller().isEnabled()) {
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
            Object[] r = s.createNativeQuery(SESSION_DATA, Object[].class)
                    .setParameter("cutoff", clock.instant().minus(CallerAuthenticator.IDLE_TIMEOUT))
                    .setParameter("id", id)
                    .setParameter("account", caller.accountId())
                    .uniqueResult();
            if (r == null) {
                return new Outcome.NotFound();
            }
            return new Outcome.Data(data(s, r));
        });
    }

    private SessionData data(Session s, Object[] r) {
        String status = String.valueOf(r[4]);
        if (SessionStatus.ACTIVE.code().equals(status) && toBoolean(r[5])) {
            status = SessionStatus.TIMED_OUT.code(); // idle past its timeout: TimedOut, whether or not marked yet
        }
        Set<Long> roleIds = WebSession.parseIds((String) r[6]);
        List<SessionData.Role> roles = new ArrayList<>();
        if (!roleIds.isEmpty()) {
            for (Object[] role : s.createNativeQuery(
                            "SELECT id, name, priority FROM role WHERE id IN (:ids) ORDER BY priority DESC, id",
                            Object[].class)
                    .setParameterList("ids", roleIds).getResultList()) {
                roles.add(new SessionData.Role(toLong(role[0]), (String) role[1], ((Number) role[2]).intValue()));
            }
        }
        SessionData.FolderList folders = r[7] == null ? null : new SessionData.FolderList(toLong(r[7]),
                (String) r[8], List.copyOf(WebSession.parseIds((String) r[9])));
        return new SessionData(toLong(r[0]), (String) r[1], toLong(r[2]), (String) r[3], status, roles, folders,
                iso(r[10]), iso(r[11]), toLong(r[12]), (int) CallerAuthenticator.IDLE_TIMEOUT.toMinutes());
    }

    /** Applies a valid request; empty when the session changed since it was read. */
    private Optional<Outcome> write(Session s, Caller caller, SessionUpdateValidator.Validation v) {
        var t = v.target();
        Long userId = t.userId() != null ? t.userId() : v.userId();
        String ip = v.ipAddress() != null ? v.ipAddress() : t.ipAddress();
        String roles = t.roleIds();
        boolean administrator = t.administrator();
        Long folderListId = t.folderListId();
        String groups = t.folderGroupIds();
        if (v.refresh()) {
            User user = userId == null ? null : s.get(User.class, userId);
            Optional<Access> access = AccessDerivation.derive(s, t.accountId(), user);
            if (access.isEmpty()) {
                return Optional.of(new Outcome.Invalid(List.of(ApiServerError.of(ErrorCode.NO_FOLDER_LIST_FOUND,
                        "RefreshRolesAndFolderList", "No folder list found for the session's user or roles."))));
            }
            roles = WebSession.joinIds(access.get().roleIds());
            administrator = access.get().administrator();
            folderListId = access.get().folderListId();
            groups = WebSession.joinIds(access.get().folderGroupIds());
        }
        int changed = UPDATE.on(s)
                .set("user", userId)
                .set("ip", ip)
                .set("status", v.status().code())
                .set("roles", roles)
                .set("admin", administrator)
                .set("folders", folderListId)
                .set("groups", groups)
                .set("id", t.id())
                .set("version", t.version())
                .update();
        if (changed == 0) {
            return Optional.empty();
        }
        events.record(s, t.accountId(), "WEB_SESSION", t.id(), "UPDATED",
                state(SessionStatus.ACTIVE.code(), t.userId(), t.ipAddress(), t.roleIds(), t.folderListId()),
                state(v.status().code(), userId, ip, roles, folderListId), caller.userId());
        return Optional.of(new Outcome.Done());
    }

    private Optional<Caller> administrator(Session s, Credentials credentials) {
        if (authenticator.authenticate(s, credentials) instanceof Authentication.Authenticated a
                && a.caller().isEnabled() && a.caller().administrator()) {
            return Optional.of(a.caller());
        }
        return Optional.empty();
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

    private static String iso(Object timestamp) {
        if (timestamp instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().atOffset(ZoneOffset.UTC).toInstant().toString();
        }
        if (timestamp instanceof LocalDateTime ldt) {
            return ldt.atOffset(ZoneOffset.UTC).toInstant().toString();
        }
        if (timestamp instanceof Instant i) {
            return i.toString();
        }
        return String.valueOf(timestamp);
    }
}
