package io.sessiongate.api.rescue;

/** The return codes of {@code setGroup}. */
public enum SetGroupResult implements RescueCode {
    OK("OK", "setGroup_OK"),
    ERROR("ERROR", "setGroup_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "setGroup_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "setGroup_InvalidParam_NodeID"),
    INVALID_PARAM_NAME("INVALIDPARAM_NAME", "setGroup_InvalidParam_Name"),
    INVALID_PARAM_STATUS("INVALIDPARAM_STATUS", "setGroup_InvalidParam_Status"),
    INVALID_PARAM_DESCRIPTION("INVALIDPARAM_DESCRIPTION", "setGroup_InvalidParam_Description"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "setGroup_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "setGroup_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    SetGroupResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<SetGroupResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
