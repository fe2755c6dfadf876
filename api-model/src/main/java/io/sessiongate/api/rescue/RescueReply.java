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
            out.append(f.getKey()).append(": ").append(f.getValue() == null ? "" : f.getValue().replace('\n', ' '));
            if (i < fields.size() - 1) {
                out.append('\n');
            }
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
