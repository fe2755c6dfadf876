package io.sessiongate.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A call's parameters from the query string and an {@code application/x-www-form-urlencoded} body
 * together, with names matched case-insensitively as ASP.NET does (the Rescue {@code .aspx} methods,
 * the APIServer's form bodies and query). When a name repeats, the first value wins (the query
 * string's before the body's).
 */
public final class FormParameters {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private FormParameters() {
    }

    /**
     * Parses a raw query string and an {@code application/x-www-form-urlencoded} body (either may be null).
     *
     * @throws IllegalArgumentException when a value is not validly percent-encoded
     */
    public static FormParameters parse(String rawQuery, String formBody) {
        FormParameters p = new FormParameters();
        p.addAll(rawQuery);
        p.addAll(formBody);
        return p;
    }

    /** The value of {@code name}, or null when absent. */
    public String get(String name) {
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
