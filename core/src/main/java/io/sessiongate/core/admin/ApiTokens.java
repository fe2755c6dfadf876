package io.sessiongate.core.admin;

import io.sessiongate.api.admin.ApiTokenCreated;
import io.sessiongate.api.admin.ApiTokenView;
import io.sessiongate.api.admin.CreateApiToken;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.ApiTokenRepository;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.SecureTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's API tokens: made (the secret returned once, only its hash kept), listed (never the
 * secret), revoked (at once, everywhere: authentication reads the row on every request). Only a caller
 * acting on the whole account (a master administrator, or another token) may manage them, since a
 * token acts on the whole account. Each change is one transaction with one event.
 */
public final class ApiTokens {

    private final Database db;
    private final Clock clock;
    private final EventRecorder events;
    private final AdminAccess access;
    private final ApiTokenRepository tokens;

    public ApiTokens(Database db, Clock clock, EventRecorder events, AdminAccess access, ApiTokenRepository tokens) {
        this.db = db;
        this.clock = clock;
        this.events = events;
        this.access = access;
        this.tokens = tokens;
    }

    public AdminOutcome<ApiTokenCreated> create(Credentials credentials, String siteKey, CreateApiToken request) {
        List<FieldError> errors = new ArrayList<>();
        Rules rules = new Rules(errors);
        if (request == null) {
            rules.add("", "REQUIRED", "a body {\"name\": ...} is mandatory.");
        } else {
            rules.text("name", request.name(), 100);
        }
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            Instant now = clock.instant();
            if (request != null && request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
                rules.add("expiresAt", "IN_THE_PAST", "expiresAt must be in the future.");
            }
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            return AdminOutcome.done(issue(Tx.of(s), who.accountId(), who.caller().userId(),
                    request.name().trim(), request.expiresAt()));
        });
    }

    /**
     * A new token of {@code accountId} acting as {@code userId}, within {@code tx}'s transaction, with its
     * event; the secret is in the result and nowhere else.
     */
    public ApiTokenCreated issue(Tx tx, long accountId, long userId, String name, Instant expiresAt) {
        String token = ApiTokenRepository.PREFIX + SecureTokens.random(48);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the row keeps it
        long id = tokens.insert(tx, accountId, userId, name, SecureTokens.hash(token), now, expiresAt);
        Map<String, Object> after = new HashMap<>();
        after.put("name", name);
        after.put("userId", userId);
        after.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        events.record(tx, accountId, ObjectType.API_TOKEN, id, EventAction.CREATED, null, after, userId);
        return new ApiTokenCreated(id, name, token, userId, now, expiresAt);
    }

    public AdminOutcome<Slice<ApiTokenView>> list(Credentials credentials, String siteKey, PageQuery page) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            List<ApiTokenView> rows = tokens.page(Tx.of(s), who.accountId(), page.afterId(), page.limit() + 1)
                    .stream().map(ApiTokens::view).toList();
            return AdminOutcome.done(Slice.of(rows, page.limit(), ApiTokenView::id));
        });
    }

    /** Revokes a live token: 404 when the account has no such token, or it is revoked already. */
    public AdminOutcome<ApiTokenView> revoke(Credentials credentials, String siteKey, long id) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            Tx tx = Tx.of(s);
            long account = who.accountId();
            Instant now = clock.instant();
            if (!tokens.revoke(tx, account, id, now)) {
                return new AdminOutcome.NotFound<>();
            }
            events.record(tx, account, ObjectType.API_TOKEN, id, EventAction.REVOKED, Map.of("revoked", false),
                    Map.of("revoked", true), who.caller().userId());
            return AdminOutcome.done(view(tokens.one(tx, account, id).orElseThrow()));
        });
    }

    private static ApiTokenView view(ApiTokenRepository.TokenRow r) {
        return new ApiTokenView(r.id(), r.name(), r.userId(), r.createdAt(), r.expiresAt(), r.revokedAt());
    }
}
