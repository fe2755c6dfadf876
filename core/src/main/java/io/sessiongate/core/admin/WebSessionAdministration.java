package io.sessiongate.core.admin;

import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.WebSessionPatch;
import io.sessiongate.api.admin.WebSessionView;
import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.SessionUpdateService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An account's web sessions (logins) for its administrators: listed by keyset, filtered by status
 * and user; read one; changed through Session.Update's service and rules ({@link SessionUpdateService}),
 * so that ending a login here is exactly what {@code Session.Update} with status E does. A session idle
 * past its account's time-out shows (and filters) as {@code TIMED_OUT} whether or not it is marked yet.
 */
public final class WebSessionAdministration {

    /** The statuses as the administration API names them, and the APIServer codes behind them. */
    static final Map<String, SessionStatus> STATUSES = Map.of("ACTIVE", SessionStatus.ACTIVE,
            "TIMED_OUT", SessionStatus.TIMED_OUT, "ENDED", SessionStatus.ENDED);

    private static final String SELECT = """
            SELECT w.id, w.user_id, w.ip_address, w.status, w.administrator, w.whole_account, w.folder_list_id,
                   w.created_at, w.last_request_at, w.request_count, w.version, a.web_session_timeout_minutes
            FROM web_session w JOIN account a ON a.id = w.account_id
            WHERE w.account_id = :account {which} ORDER BY w.id LIMIT :limit""";
    private static final String IDLE = "w.last_request_at < :now - INTERVAL a.web_session_timeout_minutes MINUTE";
    private static final Map<String, String> STATUS_FILTERS = Map.of(
            "", "",
            "ACTIVE", " AND w.status = 'A' AND NOT (" + IDLE + ")",
            "TIMED_OUT", " AND (w.status = 'T' OR (w.status = 'A' AND " + IDLE + "))",
            "ENDED", " AND w.status = 'E'");
    private static final NativeSql ONE = NativeSql.of(SELECT.replace("{which}", "AND w.id = :id"));

    private final Database db;
    private final Clock clock;
    private final AdminAccess access;
    private final SessionUpdateService updates;
    private final Map<String, NativeSql> pages = new java.util.HashMap<>();

    public WebSessionAdministration(Database db, Clock clock, AdminAccess access, SessionUpdateService updates) {
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.updates = updates;
        STATUS_FILTERS.forEach((status, filter) -> {
            pages.put(status + "/", NativeSql.of(SELECT.replace("{which}", "AND w.id > :after" + filter)));
            pages.put(status + "/user", NativeSql.of(SELECT.replace("{which}",
                    "AND w.id > :after AND w.user_id = :user" + filter)));
        });
    }

    /**
     * A page of the account's web sessions; {@code parseErrors} are the API's own (a bad limit, cursor or id),
     * reported with these rules' ({@code page} is null when there are any).
     */
    public AdminOutcome<Slice<WebSessionView>> list(Credentials credentials, String siteKey, String status,
                                                    Long userId, PageQuery page, List<FieldError> parseErrors) {
        List<FieldError> errors = new ArrayList<>(parseErrors);
        Rules rules = new Rules(errors);
        if (status != null && !STATUSES.containsKey(status)) {
            rules.add("status", "INVALID_STATUS", "status must be ACTIVE, TIMED_OUT or ENDED.");
        }
        rules.id("userId", userId);
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            NativeSql sql = pages.get((status == null ? "" : status) + (userId == null ? "/" : "/user"));
            NativeSql.Run run = sql.on(Tx.of(s)).set("account", who.accountId()).set("after", page.afterId())
                    .set("limit", page.limit() + 1);
            if (userId != null) {
                run.set("user", userId);
            }
            if (status != null && !status.equals("ENDED")) {
                run.set("now", clock.instant());
            }
            List<WebSessionView> rows = run.list(r -> row(r, clock.instant()).value());
            return AdminOutcome.done(Slice.of(rows, page.limit(), WebSessionView::id));
        });
    }

    public AdminOutcome<Versioned<WebSessionView>> get(Credentials credentials, String siteKey, long id) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            return one(Tx.of(s), who.accountId(), id)
                    .<AdminOutcome<Versioned<WebSessionView>>>map(AdminOutcome::done)
                    .orElseGet(AdminOutcome.NotFound::new);
        });
    }

    /**
     * Session.Update on web session {@code id} of the account, when its version is still
     * {@code expectedVersion}: {@code status} (absent: it stays Active), {@code ipAddress},
     * {@code refreshRolesAndFolderList}. Session.Update's broken rules come back as field errors
     * named as this API names the fields; an unknown session is not found.
     */
    public AdminOutcome<Versioned<WebSessionView>> patch(Credentials credentials, String siteKey, long id,
                                                         Long expectedVersion, WebSessionPatch patch) {
        AdminOutcome<AdminAccess.AccountCaller> admitted = access.admit(credentials, siteKey,
                AdminAccess.Need.ADMINISTRATOR);
        if (!(admitted instanceof AdminOutcome.Done<AdminAccess.AccountCaller>)) {
            return admitted.refusal();
        }
        List<FieldError> errors = new ArrayList<>();
        Rules rules = new Rules(errors);
        if (patch == null) {
            rules.add("", "REQUIRED", "a body with the fields to change is mandatory.");
            return AdminOutcome.invalid(errors);
        }
        if (patch.status() != null && !STATUSES.containsKey(patch.status())) {
            rules.add("status", "INVALID_STATUS", "status must be ACTIVE, TIMED_OUT or ENDED.");
            return AdminOutcome.invalid(errors);
        }
        SessionStatus status = patch.status() == null ? SessionStatus.ACTIVE : STATUSES.get(patch.status());
        SessionUpdate update = new SessionUpdate(Long.toString(id), siteKey, null, patch.ipAddress(), status.code(),
                Boolean.TRUE.equals(patch.refreshRolesAndFolderList()) ? "Y" : "N");
        SessionUpdateService.Outcome outcome = updates.update(credentials, update, expectedVersion);
        if (outcome instanceof SessionUpdateService.Outcome.PreconditionFailed) {
            return new AdminOutcome.PreconditionFailed<>();
        }
        if (outcome instanceof SessionUpdateService.Outcome.Invalid invalid) {
            if (invalid.errors().stream().anyMatch(e -> ErrorCode.SESSION_NOT_FOUND.name().equals(e.code()))) {
                return new AdminOutcome.NotFound<>();
            }
            return AdminOutcome.invalid(invalid.errors().stream().map(WebSessionAdministration::fieldError).toList());
        }
        if (!(outcome instanceof SessionUpdateService.Outcome.Done)) {
            return new AdminOutcome.NotAuthenticated<>(); // the credentials stopped working since the gate
        }
        long account = ((AdminOutcome.Done<AdminAccess.AccountCaller>) admitted).value().accountId();
        return db.inTransaction(s -> one(Tx.of(s), account, id)
                .<AdminOutcome<Versioned<WebSessionView>>>map(AdminOutcome::done)
                .orElseGet(AdminOutcome.NotFound::new));
    }

    private static FieldError fieldError(ApiServerError e) {
        String field = e.field() == null ? "" : switch (e.field()) {
            case "SessionSurrogate" -> "id";
            case "IpAddress" -> "ipAddress";
            case "SessionStatus" -> "status";
            case "RefreshRolesAndFolderList" -> "refreshRolesAndFolderList";
            case "SessionUserSurrogate" -> "userId";
            case "SessionSiteKey" -> "siteKey";
            default -> e.field().substring(0, 1).toLowerCase(Locale.ROOT) + e.field().substring(1);
        };
        return new FieldError(field, e.code(), e.errorMessage());
    }

    private Optional<Versioned<WebSessionView>> one(Tx tx, long accountId, long id) {
        Instant now = clock.instant();
        return ONE.on(tx).set("account", accountId).set("id", id).set("limit", 1).one(r -> row(r, now));
    }

    private static Versioned<WebSessionView> row(NativeSql.Row r, Instant now) throws java.sql.SQLException {
        SessionStatus stored = SessionStatus.parse(r.getString("status")).orElseThrow();
        java.time.Duration timeout = java.time.Duration.ofMinutes(r.getInt("web_session_timeout_minutes"));
        Instant last = r.getInstant("last_request_at");
        SessionStatus shown = stored == SessionStatus.ACTIVE
                && io.sessiongate.core.websession.IdleTimeout.isIdle(last, timeout, now) ? SessionStatus.TIMED_OUT : stored;
        String status = STATUSES.entrySet().stream().filter(e -> e.getValue() == shown).findFirst().orElseThrow().getKey();
        return new Versioned<>(new WebSessionView(r.getLong("id"), r.getLong("user_id"), r.getString("ip_address"),
                status, r.getBoolean("administrator"), r.getBoolean("whole_account"), r.getLong("folder_list_id"),
                r.getInstant("created_at"), last, r.getLong("request_count")), r.getLong("version"));
    }
}
