package io.sessiongate.api.apiserver;

import java.util.Locale;
import java.util.Optional;

/** A web session's status in the APIServer API: Active, TimedOut or Ended, written {@code A}, {@code T}, {@code E}. */
public enum SessionStatus {
    ACTIVE("A", "Active"),
    TIMED_OUT("T", "TimedOut"),
    ENDED("E", "Ended");

    private final String code;
    private final String word;

    SessionStatus(String code, String word) {
        this.code = code;
        this.word = word;
    }

    /** The one-letter form the replies use. */
    public String code() {
        return code;
    }

    /** Reads {@code A}/{@code T}/{@code E} or {@code Active}/{@code TimedOut}/{@code Ended}, in any case. */
    public static Optional<SessionStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (SessionStatus s : values()) {
            if (v.equals(s.code.toLowerCase(Locale.ROOT)) || v.equals(s.word.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
