package io.sessiongate.api.rescue;

/**
 * The return codes of {@code getReport_v2}. The SOAP values drop the version, as the vendor's do
 * ({@code getReport_v2Result} holds {@code getReport_OK}); the node code is spelt as getSession's.
 */
public enum GetReportResult implements RescueCode {
    OK("OK", "getReport_OK"),
    ERROR("ERROR", "getReport_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "getReport_NotLoggedIn"),
    /** Not a node of a kind the report reads, another account's, or outside the caller's folder list. */
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "getReport_InvalidParam_NodeID"),
    /** The same report (caller, area, node, node type, dates) asked again within the repeat window (60 s). */
    POLL_RATE_EXCEEDED("POLLRATEEXCEEDED", "getReport_PollRateExceeded"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "getReport_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "getReport_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    GetReportResult(String httpCode, String soapValue) {
        this.httpCode = httpCode;
        this.soapValue = soapValue;
    }

    @Override
    public String httpCode() {
        return httpCode;
    }

    @Override
    public String soapValue() {
        return soapValue;
    }

    /** The constant whose HTTP code is {@code code}, if any. */
    public static java.util.Optional<GetReportResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
