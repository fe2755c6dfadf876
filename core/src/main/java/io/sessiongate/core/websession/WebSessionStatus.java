package io.sessiongate.core.websession;

import java.util.Locale;
import java.util.Optional;

/** The status of a web session, with the one-letter codes both APIs use. */
public enum WebSessionStatus {
    ACTIVE("A", "Active"),
    TIMED_OUT("T", "TimedOut"),
    ENDED("E", "Ended");

    private final String code;
    private final String word;

    WebSessionStatus(String code, String word) {
        this.code = code;
        this.word = word;
    }

    /** A, T or E. */
    public String code() {
        return code;
    }

    /** Active, TimedOut or Ended. */
    public String word() {
        return word;
    }

    /** Parses {@code A}/{@code T}/{@code E} or {@code Active}/{@code TimedOut}/{@code Ended}, case-insensitively. */
    public static Optional<WebSessionStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (WebSessionStatus s : values()) {
            if (s.code.equals(v) || s.word.toUpperCase(Locale.ROOT).equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static WebSessionStatus fromCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown web session status " + code));
    }
}
