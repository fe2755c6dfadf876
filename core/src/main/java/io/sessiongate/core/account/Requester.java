package io.sessiongate.core.account;

import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.Credentials;
import org.hibernate.Session;

/**
 * Who asks the {@link DirectoryService} for something: credentials it authenticates inside the request's
 * own transaction (the Rescue methods: a login cookie or an auth code), a caller another API has
 * established already, or a caller admitted by a transaction that is open already (the JSON administration
 * API's gate, which the directory's call then joins). Either way the same admission rule applies: an
 * enabled user, and for every change an administrator.
 */
public sealed interface Requester {

    /** A cookie or an auth code, authenticated by {@link io.sessiongate.core.websession.CallerAuthenticator}. */
    record WithCredentials(Credentials credentials) implements Requester {
    }

    /** A caller admitted elsewhere; for an account API token, a caller without a user who acts on the whole account. */
    record AsCaller(Caller caller) implements Requester {
    }

    /**
     * A caller admitted in {@code session}'s transaction, which is still open: the call runs in it (no
     * transaction of its own), so that the gate that admitted the caller and the change are one transaction.
     * The transaction's owner commits, and tries it again whole when the database aborts it.
     */
    record Within(Session session, Caller caller) implements Requester {
    }

    static Requester of(Credentials credentials) {
        return new WithCredentials(credentials);
    }

    static Requester of(Caller caller) {
        return new AsCaller(caller);
    }

    static Requester within(Session session, Caller caller) {
        return new Within(session, caller);
    }
}
