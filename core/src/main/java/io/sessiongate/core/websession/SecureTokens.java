package io.sessiongate.core.websession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random secrets (cookie tokens, auth codes) and the hashes they are stored as. The secrets have
 * hundreds of bits of entropy, so one SHA-256 is enough to store them: a slow hash is for
 * passwords. Lookups go by the hash, so the secret itself is never compared character by character.
 */
public final class SecureTokens {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Length of an auth code: {@code [a-z0-9]}, about 413 bits. */
    public static final int AUTH_CODE_LENGTH = 80;
    /** Length of a cookie token: {@code [a-z0-9]}, about 248 bits. */
    public static final int COOKIE_TOKEN_LENGTH = 48;

    private SecureTokens() {
    }

    /** A random {@code [a-z0-9]} string of the given length. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** The lower-case hex SHA-256 of {@code secret}: what is stored and looked up. */
    public static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares two stored hashes in constant time (never character by character with an early exit). */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    /** True when {@code value} could be a token of ours: worth a database lookup at all. */
    public static boolean looksLikeToken(String value) {
        if (value == null || value.isEmpty() || value.length() > 256) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
