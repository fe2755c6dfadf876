package io.sessiongate.api.rescue;

/** The return codes of {@code setUser_v2} (SOAP values without the version suffix, as the PowerShell module compares them); the field codes are named after the {@code .aspx} parameters. */
public enum SetUserResult implements RescueCode {
    OK("OK", "setUser_OK"),
    ERROR("ERROR", "setUser_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "setUser_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "setUser_InvalidParam_NodeID"),
    INVALID_PARAM_NAME("INVALIDPARAM_NAME", "setUser_InvalidParam_Name"),
    INVALID_PARAM_NICK("INVALIDPARAM_NICK", "setUser_InvalidParam_Nick"),
    INVALID_PARAM_EMAIL("INVALIDPARAM_EMAIL", "setUser_InvalidParam_Email"),
    INVALID_PARAM_SSOID("INVALIDPARAM_SSOID", "setUser_InvalidParam_SSOID"),
    INVALID_PARAM_PWD("INVALIDPARAM_PWD", "setUser_InvalidParam_Pwd"),
    INVALID_PARAM_CONFPWD("INVALIDPARAM_CONFPWD", "setUser_InvalidParam_ConfPwd"),
    INVALID_PARAM_OLDPWD("INVALIDPARAM_OLDPWD", "setUser_InvalidParam_OldPwd"),
    INVALID_PARAM_STATUS("INVALIDPARAM_STATUS", "setUser_InvalidParam_Status"),
    INVALID_PARAM_DESCRIPTION("INVALIDPARAM_DESCRIPTION", "setUser_InvalidParam_Description"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "setUser_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "setUser_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    SetUserResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<SetUserResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
