package io.sessiongate.core.websession;

/** The outcome of establishing who a request comes from. */
public sealed interface Authentication {

    /** A valid auth code, or the cookie of an Active web session with a user. */
    record Authenticated(Caller caller) implements Authentication {
    }

    /** An auth code was given and is not (or no longer) valid. */
    record InvalidAuthCode() implements Authentication {
    }

    /** No auth code, and no cookie of an Active, logged-in web session. */
    record NotLoggedIn() implements Authentication {
    }
}
