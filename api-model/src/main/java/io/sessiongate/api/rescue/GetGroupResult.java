package io.sessiongate.api.rescue;

/** The return codes of {@code getGroup_v2} (SOAP values without the version suffix). */
public enum GetGroupResult implements RescueCode {
    OK("OK", "getGroup_OK"),
    ERROR("ERROR", "getGroup_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "getGroup_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "getGroup_InvalidParam_NodeID"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "getGroup_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "getGroup_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    GetGroupResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<GetGroupResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
