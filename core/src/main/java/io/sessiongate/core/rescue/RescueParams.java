package io.sessiongate.core.rescue;

import java.util.Locale;
import java.util.OptionalLong;

/** How the Rescue API reads its raw string parameters: as the vendor does, leniently about space and case only. */
final class RescueParams {

    private RescueParams() {
    }

    /** A positive integer ID, or empty when the value is missing, not an integer or out of range. */
    static OptionalLong id(String raw) {
        return io.sessiongate.core.Identifiers.parse(raw) instanceof io.sessiongate.core.Identifiers.Parsed.Id id
                ? OptionalLong.of(id.value()) : OptionalLong.empty();
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
