package io.sessiongate.core.rescue;

import java.util.Locale;
import java.util.OptionalLong;

/** How the Rescue API reads its raw string parameters: as the vendor does, leniently about space and case only. */
final class RescueParams {

    private RescueParams() {
    }

    /** A positive integer ID, or empty when the value is missing, not an integer or out of range. */
    static OptionalLong id(String raw) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        long value = Long.parseLong(s);
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** {@code true}/{@code false} (or 1/0), case-insensitive; null when missing; empty string when not a boolean. */
    static Boolean bool(String raw, boolean whenMissing) {
        if (raw == null || raw.isBlank()) {
            return whenMissing;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Whether one of {@code csv}'s IDs is in {@code groups}. */
    static boolean anyIn(String csv, java.util.Set<Long> groups) {
        if (csv == null || csv.isEmpty()) {
            return false;
        }
        for (String id : csv.split(",")) {
            if (groups.contains(Long.valueOf(id))) {
                return true;
            }
        }
        return false;
    }

}
