package io.sessiongate.api.rescue;

/** The return codes of {@code getUser_v3}. */
public enum GetUserResult implements RescueCode {
    OK("OK", "getUser_OK"),
    ERROR("ERROR", "getUser_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "getUser_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "getUser_InvalidParam_NodeID"),
    INVALID_PARAM_EMAIL("INVALIDPARAM_EMAIL", "getUser_InvalidParam_Email"),
    EMAIL_AND_NODE_BOTH_SPECIFIED("INVALID_EMAILANDNODEIDBOTHSPECIFIED", "getUser_Invalid_EmailAndNodeIdBothSpecified"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "getUser_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "getUser_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    GetUserResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<GetUserResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
