package io.sessiongate.api.rescue;

/** The return codes of {@code createUser}; the field codes are sessiongate's, named after the {@code .aspx} parameters. */
public enum CreateUserResult implements RescueCode {
    OK("OK", "createUser_OK"),
    ERROR("ERROR", "createUser_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "createUser_NotLoggedIn"),
    INVALID_PARAM_PARENT("INVALIDPARAM_PARENT", "createUser_InvalidParam_Parent"),
    INVALID_PARAM_NAME("INVALIDPARAM_NAME", "createUser_InvalidParam_Name"),
    INVALID_PARAM_EMAIL("INVALIDPARAM_EMAIL", "createUser_InvalidParam_Email"),
    INVALID_PARAM_PWD("INVALIDPARAM_PWD", "createUser_InvalidParam_Pwd"),
    INVALID_PARAM_STATUS("INVALIDPARAM_STATUS", "createUser_InvalidParam_Status"),
    INVALID_PARAM_DESCRIPTION("INVALIDPARAM_DESCRIPTION", "createUser_InvalidParam_Description"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "createUser_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "createUser_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    CreateUserResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<CreateUserResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
