package io.sessiongate.server;

/**
 * The one place where text is made safe for the log: every line break, control character
 * (NUL included), and Unicode line or paragraph separator is written as an escape, so that no
 * value a client sent can start a line of its own. {@link EscapedMessage} applies it to every
 * message of every logger (the {@code %msg} of {@code logback.xml}); {@link #path} also cuts a
 * request path where a careless client may have put its query string, and so its password.
 */
public final class LogText {

    /** Paths are cut to this many characters in the log. */
    static final int MAX_PATH = 200;

    private LogText() {
    }

    /** {@code text} with {@code \} doubled and every control character escaped; "null" for null. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || c == '\\';
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!unsafe) {
                    out.append(c);
                } else {
                    switch (c) {
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        case '\\' -> out.append("\\\\");
                        default -> out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A raw request path as the log may show it: cut before anything that looks like a query
     * string or parameters ({@code ?}, {@code ;}, {@code =}, {@code &}, or their percent-encoded
     * forms), where a client that encoded its {@code ?} would have put {@code pwd=...}, and before
     * {@link #MAX_PATH} characters; the cut is marked with {@code [...]}.
     */
    public static String path(String rawPath) {
        if (rawPath == null) {
            return "null";
        }
        int cut = Math.min(rawPath.length(), MAX_PATH);
        for (int i = 0; i < cut; i++) {
            char c = rawPath.charAt(i);
            if (c == '?' || c == ';' || c == '=' || c == '&') {
                cut = i;
                break;
            }
            if (c == '%' && i + 2 < rawPath.length()) {
                String hex = rawPath.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT);
                if (hex.equals("3F") || hex.equals("3B") || hex.equals("3D") || hex.equals("26")) {
                    cut = i;
                    break;
                }
            }
        }
        return of(cut < rawPath.length() ? rawPath.substring(0, cut) + "[...]" : rawPath);
    }
}
