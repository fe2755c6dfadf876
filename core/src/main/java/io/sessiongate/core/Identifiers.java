package io.sessiongate.core;

/**
 * The one way every API reads an identifier a caller sent (a session, node, channel, web session
 * or user number): a control character anywhere (NUL included) makes it invalid before anything
 * else is looked at; spaces around it are allowed, as the vendor allows them; what is left must be
 * 1 to 18 decimal digits, not zero. ({@code "\0".isBlank()} is false and {@code "\0".trim()} is
 * empty, which is how a NUL once got as far as {@code Long.parseLong("")}.)
 */
public final class Identifiers {

    /** What a raw identifier is. */
    public sealed interface Parsed {
        /** Absent, empty or only spaces. */
        record Missing() implements Parsed {
        }

        /** Present but not a positive integer of at most 18 digits, or holding a control character. */
        record Invalid() implements Parsed {
        }

        record Id(long value) implements Parsed {
        }
    }

    private Identifiers() {
    }

    public static Parsed parse(String raw) {
        if (raw == null) {
            return new Parsed.Missing();
        }
        int from = 0;
        int to = raw.length();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return new Parsed.Invalid();
            }
        }
        while (from < to && raw.charAt(from) == ' ') {
            from++;
        }
        while (to > from && raw.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to) {
            return new Parsed.Missing();
        }
        if (to - from > 18) {
            return new Parsed.Invalid();
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return new Parsed.Invalid();
            }
            value = value * 10 + (c - '0');
        }
        return value > 0 ? new Parsed.Id(value) : new Parsed.Invalid();
    }
}
