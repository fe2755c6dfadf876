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
        return io.sessiongate.core.Identifiers.parse(raw) instanceof io.sessiongate.core.Identifiers.Parsed.Id id
                ? OptionalLong.of(id.value()) : OptionalLong.empty();
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
