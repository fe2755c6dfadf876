package io.sessiongate.api.rescue;

/** The return codes of {@code createGroup}. */
public enum CreateGroupResult implements RescueCode {
    OK("OK", "createGroup_OK"),
    ERROR("ERROR", "createGroup_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "createGroup_NotLoggedIn"),
    INVALID_PARAM_PARENT("INVALIDPARAM_PARENT", "createGroup_InvalidParam_Parent"),
    INVALID_PARAM_NAME("INVALIDPARAM_NAME", "createGroup_InvalidParam_Name"),
    INVALID_PARAM_STATUS("INVALIDPARAM_STATUS", "createGroup_InvalidParam_Status"),
    INVALID_PARAM_DESCRIPTION("INVALIDPARAM_DESCRIPTION", "createGroup_InvalidParam_Description"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "createGroup_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "createGroup_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    CreateGroupResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<CreateGroupResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
