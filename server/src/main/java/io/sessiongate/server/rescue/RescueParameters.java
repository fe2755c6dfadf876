package io.sessiongate.server.rescue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Rescue call's parameters from the query string and the form body together, with names matched
 * case-insensitively as ASP.NET does. When a name repeats, the first value wins (the query string's
 * before the body's).
 */
final class RescueParameters {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private RescueParameters() {
    }

    /**
     * Parses a raw query string and an {@code application/x-www-form-urlencoded} body (either may be null).
     *
     * @throws IllegalArgumentException when a value is not validly percent-encoded
     */
    static RescueParameters parse(String rawQuery, String formBody) {
        RescueParameters p = new RescueParameters();
        p.addAll(rawQuery);
        p.addAll(formBody);
        return p;
    }

    /** The value of {@code name}, or null when absent. */
    String get(String name) {
        return values.get(name);
    }

    private void addAll(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
