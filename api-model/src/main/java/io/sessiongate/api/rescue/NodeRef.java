package io.sessiongate.api.rescue;

import java.util.Locale;
import java.util.Optional;

/** The Rescue API's {@code noderef} / {@code eNodeRef}: whether a node ID names a technician or a channel. */
public enum NodeRef {
    NODE,
    CHANNEL;

    /** Parses the wire value case-insensitively; empty for anything else. */
    public static Optional<NodeRef> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "NODE" -> Optional.of(NODE);
            case "CHANNEL" -> Optional.of(CHANNEL);
            default -> Optional.empty();
        };
    }
}
