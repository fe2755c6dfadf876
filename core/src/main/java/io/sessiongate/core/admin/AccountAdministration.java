package io.sessiongate.core.admin;

import io.sessiongate.api.admin.AccountCreated;
import io.sessiongate.api.admin.AccountPatch;
import io.sessiongate.api.admin.AccountView;
import io.sessiongate.api.admin.ApiTokenCreated;
import io.sessiongate.api.admin.CreateAccount;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.core.account.Account;
import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.PasswordHasher;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.DataAccessException;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Accounts as the administration API makes and edits them: the operator creates an account ready to
 * use (its directory, master administrator and a first API token, in one transaction) and lists them;
 * an administrator reads their own account, and a master administrator changes its name and settings
 * under the version they read. Written through the {@link Account} entity, as the directory is.
 */
public final class AccountAdministration {

    /** What a site key may be: it appears in URLs and in the APIServer's {@code SessionSiteKey}. */
    static final Pattern SITE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** The longest a time-out may be, in minutes (a week). */
    static final int MAX_MINUTES = 7 * 24 * 60;

    private static final NativeSql PAGE = NativeSql.of("""
            SELECT id, site_key, name, created_at, pin_validity_minutes, waiting_timeout_minutes, idle_timeout_minutes,
                   web_session_timeout_minutes
            FROM account WHERE id > :after ORDER BY id LIMIT :limit""");

    private final Database db;
    private final PasswordHasher passwords;
    private final EventRecorder events;
    private final AccountService accounts;
    private final AdminAccess access;
    private final ApiTokens tokens;

    public AccountAdministration(Database db, PasswordHasher passwords, EventRecorder events, AccountService accounts,
                                 AdminAccess access, ApiTokens tokens) {
        this.db = db;
        this.passwords = passwords;
        this.events = events;
        this.accounts = accounts;
        this.access = access;
        this.tokens = tokens;
    }

    /**
     * The operator's account creation (the caller is checked by the API: only the operator gets here).
     * Every broken rule is reported at once; a site key in use is a {@code SITE_KEY_TAKEN} conflict.
     */
    public AdminOutcome<AccountCreated> create(CreateAccount request) {
        List<FieldError> errors = new ArrayList<>();
        Rules rules = new Rules(errors);
        if (request == null) {
            rules.add("", "REQUIRED", "a body {siteKey, name, masterAdministrator} is mandatory.");
            return AdminOutcome.invalid(errors);
        }
        if (rules.text("siteKey", request.siteKey(), 64)) {
            rules.matches("siteKey", request.siteKey(), SITE_KEY, "INVALID_SITE_KEY",
                    "siteKey must be 1 to 64 letters, digits, '-' or '_', beginning with a letter or digit.");
        }
        rules.text("name", request.name(), 200);
        CreateAccount.MasterAdministrator master = request.masterAdministrator();
        if (master == null) {
            rules.add("masterAdministrator", "REQUIRED", "masterAdministrator is mandatory.");
        } else {
            rules.email("masterAdministrator.email", master.email());
            rules.text("masterAdministrator.name", master.name(), 200);
            password(rules, "masterAdministrator.password", master.password());
        }
        if (!errors.isEmpty()) {
            return AdminOutcome.invalid(errors);
        }
        String hash = passwords.hash(master.password());
        String email = master.email().trim().toLowerCase(Locale.ROOT);
        try {
            return db.inTransaction(s -> {
                if (s.createSelectionQuery("from Account where siteKey = :k", Account.class)
                        .setParameter("k", request.siteKey()).uniqueResultOptional().isPresent()) {
                    return taken();
                }
                AccountService.ProvisionedAccount p = accounts.provision(s, request.siteKey(), request.name().trim(),
                        email, master.name().trim(), hash);
                ApiTokenCreated token = tokens.issue(Tx.of(s), p.accountId(), p.masterUserId(), "Initial token", null);
                Account account = s.get(Account.class, p.accountId());
                return AdminOutcome.done(new AccountCreated(view(account), p.masterUserId(), p.masterNodeId(), token));
            });
        } catch (DataAccessException.DuplicateEntry e) {
            return taken(); // a concurrent creation of the same site key won
        }
    }

    private static <T> AdminOutcome<T> taken() {
        return new AdminOutcome.Conflict<>("SITE_KEY_TAKEN", "an account with this siteKey exists already");
    }

    /** The rules of a new password: what bcrypt can hold, and long enough to mean something. */
    static void password(Rules rules, String field, String password) {
        if (password == null || password.isEmpty()) {
            rules.add(field, "REQUIRED", field + " is mandatory.");
        } else if (password.length() < 8) {
            rules.add(field, "TOO_SHORT", field + " must be at least 8 characters.");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            rules.add(field, "TOO_LONG", field + " must be at most " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes in UTF-8.");
        }
    }

    /** Every account, by creation (id) order: the operator's list. */
    public Slice<AccountView> list(PageQuery page) {
        Slice<Row> rows = db.inTransaction(s -> Slice.of(PAGE.on(Tx.of(s)).set("after", page.afterId())
                .set("limit", page.limit() + 1)
                .list(r -> new Row(r.getLong("id"), new AccountView(r.getString("site_key"), r.getString("name"),
                        r.getInstant("created_at"), r.getInt("pin_validity_minutes"),
                        r.getInt("waiting_timeout_minutes"), r.getInt("idle_timeout_minutes"),
                        r.getInt("web_session_timeout_minutes")))), page.limit(), Row::id));
        return new Slice<>(rows.items().stream().map(Row::view).toList(), rows.nextAfterId());
    }

    private record Row(long id, AccountView view) {
    }

    /** The caller's own account (any of its administrators). */
    public AdminOutcome<Versioned<AccountView>> get(Credentials credentials, String siteKey) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            Account account = s.get(Account.class, who.accountId());
            return AdminOutcome.done(new Versioned<>(view(account), account.getVersion()));
        });
    }

    /**
     * Changes the account's name and settings (a master administrator or a token), when its version is
     * still {@code expectedVersion}; every broken rule at once; one event with the fields before and after.
     */
    public AdminOutcome<Versioned<AccountView>> patch(Credentials credentials, String siteKey, Long expectedVersion,
                                                      AccountPatch patch) {
        List<FieldError> errors = new ArrayList<>();
        Rules rules = new Rules(errors);
        if (patch == null) {
            rules.add("", "REQUIRED", "a body with the fields to change is mandatory.");
        } else {
            rules.optionalText("name", patch.name(), 200);
            rules.range("pinValidityMinutes", patch.pinValidityMinutes(), 0, MAX_MINUTES);
            rules.range("waitingTimeoutMinutes", patch.waitingTimeoutMinutes(), 0, MAX_MINUTES);
            rules.range("idleTimeoutMinutes", patch.idleTimeoutMinutes(), 0, MAX_MINUTES);
            rules.range("webSessionTimeoutMinutes", patch.webSessionTimeoutMinutes(), 1, 1440);
        }
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            Account account = s.get(Account.class, who.accountId(), org.hibernate.LockMode.PESSIMISTIC_WRITE);
            if (expectedVersion != null && account.getVersion() != expectedVersion) {
                return new AdminOutcome.PreconditionFailed<>();
            }
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            if (patch.name() != null && !patch.name().trim().equals(account.getName())) {
                before.put("name", account.getName());
                account.setName(patch.name().trim());
                after.put("name", account.getName());
            }
            change("pinValidityMinutes", account.getPinValidityMinutes(), patch.pinValidityMinutes(),
                    account::setPinValidityMinutes, before, after);
            change("waitingTimeoutMinutes", account.getWaitingTimeoutMinutes(), patch.waitingTimeoutMinutes(),
                    account::setWaitingTimeoutMinutes, before, after);
            change("idleTimeoutMinutes", account.getIdleTimeoutMinutes(), patch.idleTimeoutMinutes(),
                    account::setIdleTimeoutMinutes, before, after);
            change("webSessionTimeoutMinutes", account.getWebSessionTimeoutMinutes(),
                    patch.webSessionTimeoutMinutes(), account::setWebSessionTimeoutMinutes, before, after);
            if (!after.isEmpty()) {
                s.flush();
                events.record(Tx.of(s), account.getId(), ObjectType.ACCOUNT, account.getId(), EventAction.CHANGED,
                        before, after, who.caller().userId());
            }
            return AdminOutcome.done(new Versioned<>(view(account), account.getVersion()));
        });
    }

    private static void change(String field, int current, Integer wanted, java.util.function.IntConsumer set,
                               Map<String, Object> before, Map<String, Object> after) {
        if (wanted != null && wanted != current) {
            before.put(field, current);
            set.accept(wanted);
            after.put(field, wanted);
        }
    }

    static AccountView view(Account a) {
        return new AccountView(a.getSiteKey(), a.getName(), a.getCreatedAt().truncatedTo(ChronoUnit.MILLIS),
                a.getPinValidityMinutes(),
                a.getWaitingTimeoutMinutes(), a.getIdleTimeoutMinutes(), a.getWebSessionTimeoutMinutes());
    }
}
