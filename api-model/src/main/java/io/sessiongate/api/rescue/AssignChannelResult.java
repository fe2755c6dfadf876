package io.sessiongate.api.rescue;

/** The return codes of {@code assignChannel}. */
public enum AssignChannelResult implements RescueCode {
    OK("OK", "assignChannel_OK"),
    ERROR("ERROR", "assignChannel_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "assignChannel_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "assignChannel_InvalidParam_NodeID"),
    INVALID_PARAM_ENTRY("INVALIDPARAM_ENTRY", "assignChannel_InvalidParam_Entry"),
    INVALID_ASSIGN("INVALID_ASSIGN", "assignChannel_Invalid_Assign"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "assignChannel_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "assignChannel_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    AssignChannelResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<AssignChannelResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
