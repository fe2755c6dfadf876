package io.sessiongate.api.rescue;

import java.util.List;
import java.util.Optional;

/**
 * The body of a Rescue API {@code .aspx} reply: the return code alone, exactly, or the code
 * followed by its data on further lines separated by {@code \n}, as the vendor's callers parse it.
 */
public final class RescueReply {

    /** The prefix of the auth code's line in a {@code requestAuthCode} reply. */
    private static final String AUTH_CODE_PREFIX = "AUTHCODE:";
    /** The prefix of the PIN's line in a {@code requestPINCode} reply. */
    private static final String PIN_CODE_PREFIX = "PINCODE:";

    private RescueReply() {
    }

    /** The code alone, e.g. {@code NOTLOGGEDINASADMIN}. */
    public static String of(RescueCode code) {
        return code.httpCode();
    }

    /** {@code OK\nAUTHCODE:<code>}: the code runs to the end of the body. */
    public static String authCode(String authCode) {
        return RequestAuthCodeResult.OK.httpCode() + "\n" + AUTH_CODE_PREFIX + authCode;
    }

    /** {@code OK\nPINCODE:012345}, requestPINCode's reply. */
    public static String pinCode(String pinCode) {
        return RequestPinCodeResult.OK.httpCode() + "\n" + PIN_CODE_PREFIX + pinCode;
    }

    /** The PIN of a {@link #pinCode} reply, or empty when {@code body} is not one. */
    public static Optional<String> pinCodeOf(String body) {
        String prefix = pinCode("");
        return body.startsWith(prefix) && body.length() > prefix.length()
                ? Optional.of(body.substring(prefix.length())) : Optional.empty();
    }

    /** The code of a {@link #authCode} reply, or empty when {@code body} is not one. */
    public static Optional<String> authCodeOf(String body) {
        String prefix = authCode("");
        return body.startsWith(prefix) && body.length() > prefix.length()
                ? Optional.of(body.substring(prefix.length())) : Optional.empty();
    }

    /** The code, a blank line, then the data (which brings its own line ends), as data methods reply. */
    public static String withData(RescueCode code, String data) {
        return code.httpCode() + "\n\n" + data;
    }

    /** The code, a blank line, then one {@code KEY: value} line per entry, as {@code getUser_v3} replies. */
    public static String withFields(RescueCode code, List<java.util.Map.Entry<String, String>> fields) {
        StringBuilder out = new StringBuilder(code.httpCode()).append("\n\n");
        for (int i = 0; i < fields.size(); i++) {
            var f = fields.get(i);
            out.append(f.getKey()).append(": ").append(oneLine(f.getValue()));
            if (i < fields.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * {@code OK\n<id>}: createUser's and createGroup's reply, the new node's id on the line after the code (the
     * vendor documents {@code OK [new node id]}, flattened onto one line as it flattens {@code OK AUTHCODE:...}).
     */
    public static String newNode(RescueCode code, long nodeId) {
        return code.httpCode() + "\n" + nodeId;
    }

    /** The id of a {@link #newNode} reply, or empty when {@code body} is not one. */
    public static java.util.OptionalLong newNodeOf(String body) {
        int nl = body.indexOf('\n');
        if (nl < 0 || !"OK".equals(body.substring(0, nl))) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(body.substring(nl + 1)));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /**
     * The code, a blank line, then one {@code Key:Value} line per entry, without a space after the colon and
     * without a line break after the last one, as getAccount replies (values as {@link HierarchyText#value}).
     */
    public static String withKeyValues(RescueCode code, List<java.util.Map.Entry<String, String>> fields) {
        StringBuilder out = new StringBuilder(code.httpCode()).append("\n\n");
        for (int i = 0; i < fields.size(); i++) {
            var f = fields.get(i);
            out.append(f.getKey()).append(':').append(HierarchyText.value(f.getValue()));
            if (i < fields.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The fields of a {@link #withFields} ({@code KEY: value}) or {@link #withKeyValues} ({@code Key:Value})
     * reply, in order; empty when it has none.
     */
    public static java.util.Map<String, String> fieldsOf(String body) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        String data = dataOf(body);
        if (data.isEmpty()) {
            return fields;
        }
        for (String line : data.split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String value = line.substring(colon + 1);
                fields.put(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
            }
        }
        return fields;
    }

    /** A value on one line: line breaks (CR, LF and the Unicode ones) as spaces. */
    private static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }

    /** The first line of a reply: its return code. */
    public static String codeOf(String body) {
        int nl = body.indexOf('\n');
        return nl < 0 ? body : body.substring(0, nl);
    }

    /** What follows the blank line after the code, or empty when there is none. */
    public static String dataOf(String body) {
        int blank = body.indexOf("\n\n");
        return blank < 0 ? "" : body.substring(blank + 2);
    }
}
