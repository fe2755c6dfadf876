package io.sessiongate.core.account;

import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.Credentials;

/**
 * Who asks the {@link DirectoryService} for something: credentials it authenticates inside the request's
 * own transaction (the Rescue methods: a login cookie or an auth code), or a caller another API has
 * established already (the JSON administration API's bearer tokens). Either way the same admission rule
 * applies: an enabled user, and for every change an administrator.
 */
public sealed interface Requester {

    /** A cookie or an auth code, authenticated by {@link io.sessiongate.core.websession.CallerAuthenticator}. */
    record WithCredentials(Credentials credentials) implements Requester {
    }

    /** A caller admitted elsewhere; for an account API token, a caller without a user who acts on the whole account. */
    record AsCaller(Caller caller) implements Requester {
    }

    static Requester of(Credentials credentials) {
        return new WithCredentials(credentials);
    }

    static Requester of(Caller caller) {
        return new AsCaller(caller);
    }
}
