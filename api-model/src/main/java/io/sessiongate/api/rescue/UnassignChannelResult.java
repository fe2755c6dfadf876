package io.sessiongate.api.rescue;

/** The return codes of {@code unassignChannel}. */
public enum UnassignChannelResult implements RescueCode {
    OK("OK", "unassignChannel_OK"),
    ERROR("ERROR", "unassignChannel_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "unassignChannel_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "unassignChannel_InvalidParam_NodeID"),
    INVALID_PARAM_ENTRY("INVALIDPARAM_ENTRY", "unassignChannel_InvalidParam_Entry"),
    INVALID_DEASSIGN("INVALID_DEASSIGN", "unassignChannel_Invalid_Deassign"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "unassignChannel_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "unassignChannel_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    UnassignChannelResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<UnassignChannelResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
