package io.sessiongate.core.admin;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Who may use the administration API on an account ({@code /api/v1/accounts/{siteKey}/...}): the
 * one gate every account-scoped call passes, inside its transaction. In this order: no valid
 * credentials is {@link AdminOutcome.NotAuthenticated} (401); a technician or a disabled user is
 * {@link AdminOutcome.Forbidden} (403); a site key that is not the caller's account is
 * {@link AdminOutcome.NotFound} (404, exactly as for an account that does not exist); and a call that
 * needs the whole account is Forbidden for an administrator of some folders.
 */
public final class AdminAccess {

    /** What a call needs of its caller. */
    public enum Need {
        /** Any administrator of the account (their folder list then limits what they see). */
        ADMINISTRATOR,
        /** A master administrator, or an API token: the account's settings, tokens and audit trail. */
        WHOLE_ACCOUNT
    }

    /** An admitted caller and the account the path names. */
    public record AccountCaller(Caller caller, long accountId, String siteKey) {
    }

    private static final NativeSql ACCOUNT = NativeSql.of("SELECT id FROM account WHERE site_key = :key");
    private static final NativeSql SITE_KEY = NativeSql.of("SELECT site_key FROM account WHERE id = :id");

    private final Database db;
    private final CallerAuthenticator authenticator;

    public AdminAccess(Database db, CallerAuthenticator authenticator) {
        this.db = db;
        this.authenticator = authenticator;
    }

    /**
     * One transaction that begins with the gate: {@code work} runs with the admitted caller, or the
     * gate's refusal is the outcome. The form of every administration service method.
     */
    public <T> AdminOutcome<T> inTransaction(Credentials credentials, String siteKey, Need need,
                                             java.util.function.BiFunction<Session, AccountCaller, AdminOutcome<T>> work) {
        return db.inTransaction(s -> {
            AdminOutcome<AccountCaller> admitted = admit(s, credentials, siteKey, need);
            return admitted instanceof AdminOutcome.Done<AccountCaller> ok ? work.apply(s, ok.value())
                    : admitted.refusal();
        });
    }

    /** The gate in a transaction of its own, before a call to a service that authenticates again in its own. */
    public AdminOutcome<AccountCaller> admit(Credentials credentials, String siteKey, Need need) {
        return db.inTransaction(s -> admit(s, credentials, siteKey, need));
    }

    /** The id of the account whose site key is {@code siteKey}, if any (the gate's look-up; the benchmark's too). */
    public static Optional<Long> accountId(Tx tx, String siteKey) {
        return ACCOUNT.on(tx).set("key", siteKey).one(r -> r.getLong("id"));
    }

    /** The statement {@link #accountId} runs. */
    public static NativeSql accountStatement() {
        return ACCOUNT;
    }

    /** The gate within {@code s}'s transaction. */
    public AdminOutcome<AccountCaller> admit(Session s, Credentials credentials, String siteKey, Need need) {
        Admission admission = authenticator.admit(s, credentials, Admission.Policy.ADMINISTRATOR);
        if (admission instanceof Admission.Refused refused) {
            return refusal(refused.refusal());
        }
        Caller caller = ((Admission.Admitted) admission).caller();
        Optional<Long> account = siteKey == null || siteKey.length() > 64 ? Optional.empty()
                : accountId(Tx.of(s), siteKey);
        if (account.isEmpty() || account.get() != caller.accountId().longValue()) {
            return new AdminOutcome.NotFound<>();
        }
        if (need == Need.WHOLE_ACCOUNT && !caller.wholeAccount()) {
            return new AdminOutcome.Forbidden<>("WHOLE_ACCOUNT_REQUIRED",
                    "only a master administrator or an API token may do this");
        }
        return AdminOutcome.done(new AccountCaller(caller, account.get(), siteKey));
    }

    /** Who calls, with any user's credentials (a technician's too): for {@code GET /api/v1/session}. */
    public record Whoami(Caller caller, String siteKey) {
    }

    public AdminOutcome<Whoami> whoami(Credentials credentials) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused refused) {
                return refusal(refused.refusal());
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            String siteKey = SITE_KEY.on(Tx.of(s)).set("id", caller.accountId()).one(r -> r.getString("site_key"))
                    .orElseThrow();
            return AdminOutcome.done(new Whoami(caller, siteKey));
        });
    }

    static <T> AdminOutcome<T> refusal(Admission.Refusal refusal) {
        return switch (refusal) {
            case INVALID_AUTH_CODE, NOT_LOGGED_IN -> new AdminOutcome.NotAuthenticated<>();
            case NOT_AN_ADMINISTRATOR, NOT_A_TECHNICIAN -> new AdminOutcome.Forbidden<>("NOT_AN_ADMINISTRATOR",
                    "only an administrator of the account may do this");
            case USER_DISABLED -> new AdminOutcome.Forbidden<>("USER_DELETED_OR_DISABLED",
                    "the user is disabled or deleted");
        };
    }
}
