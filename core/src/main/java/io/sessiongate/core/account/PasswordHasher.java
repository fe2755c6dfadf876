package io.sessiongate.core.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** Slow password hashing with bcrypt. */
public final class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    private final String dummyHash;

    /** @param cost the bcrypt cost factor (log2 of the rounds), 10 to 14 in practice */
    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31");
        }
        this.cost = cost;
        this.dummyHash = hash("an unguessable placeholder for unknown users");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /**
     * True when {@code password} matches {@code hash}; false for a null or over-long password, and for an
     * empty hash (a user made without a password yet, whom no password opens).
     */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty() || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
    }

    /**
     * Spends the same time as a real check, for an email that matches no user, so that the reply
     * time does not tell which emails exist.
     */
    public void matchNothing(String password) {
        matches(password == null ? "" : password, dummyHash);
    }
}
