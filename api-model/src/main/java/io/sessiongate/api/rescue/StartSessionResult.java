package io.sessiongate.api.rescue;

/** The documented return codes of {@code startSession}. */
public enum StartSessionResult implements RescueCode {
    OK("OK", "startSessionRet_OK"),
    ERROR("ERROR", "startSessionRet_Error"),
    NOT_LOGGED_IN_AS_ADMIN("NOTLOGGEDINASADMIN", "startSessionRet_NotLoggedInAsAdmin"),
    ACTION_FAILED("ACTIONFAILED", "startSessionRet_ActionFailed"),
    INVALID_PARAM_SESSION("INVALIDPARAM_SESSION", "startSessionRet_InvalidParam_Session"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "startSessionRet_InvalidParam_Node"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "startSessionRet_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "startSessionRet_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    StartSessionResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<StartSessionResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
