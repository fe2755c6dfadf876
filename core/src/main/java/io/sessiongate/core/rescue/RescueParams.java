package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** How the Rescue API reads its raw string parameters: as the vendor does, leniently about space and case only. */
final class RescueParams {

    private RescueParams() {
    }

    /** {@code NODE} or {@code CHANNEL} in any case; {@code NODE} when missing or blank; empty when neither. */
    static Optional<NodeRef> nodeRef(String raw) {
        return raw == null || raw.isBlank() ? Optional.of(NodeRef.NODE) : NodeRef.parse(raw);
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

    /** {@code true}/{@code false} (or 1/0), case-insensitive; {@code whenMissing} when missing or blank; null when not a boolean. */
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
}
