package io.sessiongate.api.rescue;

/** The return codes of {@code getSession_v3}. */
public enum GetSessionResult implements RescueCode {
    OK("OK", "getSession_OK"),
    ERROR("ERROR", "getSession_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "getSession_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "getSession_InvalidParam_NodeID"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "getSession_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "getSession_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    GetSessionResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<GetSessionResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
