package io.sessiongate.api.rescue;

/** The documented return codes of {@code closeSession}. */
public enum CloseSessionResult implements RescueCode {
    OK("OK", "closeSessionRet_OK"),
    ERROR("ERROR", "closeSessionRet_Error"),
    NOT_LOGGED_IN_AS_ADMIN("NOTLOGGEDINASADMIN", "closeSessionRet_NotLoggedInAsAdmin"),
    ACTION_FAILED("ACTIONFAILED", "closeSessionRet_ActionFailed"),
    INVALID_PARAM_SESSION("INVALIDPARAM_SESSION", "closeSessionRet_InvalidParam_Session"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "closeSessionRet_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "closeSessionRet_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    CloseSessionResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<CloseSessionResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
