package io.sessiongate.api.rescue;

import java.util.Locale;
import java.util.Optional;

/** {@code setOutput}'s formats: a delimited text table, or XML of {@code header} and {@code data/row}. */
public enum ReportOutput {
    TEXT,
    XML;

    /** {@code TEXT} or {@code XML} in any case, spaces around allowed; empty for anything else. */
    public static Optional<ReportOutput> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "TEXT" -> Optional.of(TEXT);
            case "XML" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }
}
