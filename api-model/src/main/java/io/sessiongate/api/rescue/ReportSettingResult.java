package io.sessiongate.api.rescue;

/**
 * The return codes of the report setters ({@code setReportArea_v8}, {@code setReportDate_v2},
 * {@code setReportTime}, {@code setTimezone}, {@code setOutput}, {@code setDelimiter}), which share
 * them. Over SOAP each operation spells them with its own prefix ({@code setReportArea_OK},
 * {@code setTimezone_InvalidFormat}): {@link #of(String)}. {@code INVALIDFORMAT} and
 * {@code INVALIDDATERANGE} are the codes a vendor client's checks name for setReportDate; they are
 * used for every value a setter cannot read.
 */
public enum ReportSettingResult {
    OK("OK", "OK"),
    ERROR("ERROR", "Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "NotLoggedIn"),
    /** setReportArea_v8: an area that is not a number or name sessiongate reports on. */
    INVALID_PARAM_AREA("INVALIDPARAM_AREA", "InvalidParam_Area"),
    /** A date, time, time zone, output or delimiter that cannot be read. */
    INVALID_FORMAT("INVALIDFORMAT", "InvalidFormat"),
    /** setReportDate_v2: the end before the beginning. */
    INVALID_DATE_RANGE("INVALIDDATERANGE", "InvalidDateRange"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapSuffix;

    ReportSettingResult(String httpCode, String soapSuffix) {
        this.httpCode = httpCode;
        this.soapSuffix = soapSuffix;
    }

    public String httpCode() {
        return httpCode;
    }

    /** The SOAP value's part after the operation's prefix, e.g. {@code InvalidFormat}. */
    public String soapSuffix() {
        return soapSuffix;
    }

    /** This code as {@code operation}'s return code, e.g. {@code of("setTimezone")}: {@code setTimezone_OK}. */
    public RescueCode of(String soapPrefix) {
        return new Bound(soapPrefix, this);
    }

    /** The constant whose HTTP code is {@code code}, if any. */
    public static java.util.Optional<ReportSettingResult> fromHttpCode(String code) {
        for (ReportSettingResult r : values()) {
            if (r.httpCode.equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /** A setter's code bound to its SOAP prefix. */
    public record Bound(String soapPrefix, ReportSettingResult result) implements RescueCode {
        @Override
        public String httpCode() {
            return result.httpCode;
        }

        @Override
        public String soapValue() {
            return soapPrefix + "_" + result.soapSuffix;
        }
    }
}
