package io.sessiongate.api.rescue;

/** The return codes of {@code setUserStatus}. */
public enum SetUserStatusResult implements RescueCode {
    OK("OK", "setUserStatus_OK"),
    ERROR("ERROR", "setUserStatus_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "setUserStatus_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "setUserStatus_InvalidParam_NodeID"),
    INVALID_PARAM_STATUS("INVALIDPARAM_STATUS", "setUserStatus_InvalidParam_Status"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "setUserStatus_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "setUserStatus_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    SetUserStatusResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<SetUserStatusResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
