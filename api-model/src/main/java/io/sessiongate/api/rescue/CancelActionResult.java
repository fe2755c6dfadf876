package io.sessiongate.api.rescue;

/** The documented return codes of {@code cancelAction}. */
public enum CancelActionResult implements RescueCode {
    OK("OK", "cancelActionRet_OK"),
    ERROR("ERROR", "cancelActionRet_Error"),
    NOT_LOGGED_IN_AS_ADMIN("NOTLOGGEDINASADMIN", "cancelActionRet_NotLoggedInAsAdmin"),
    ACTION_FAILED("ACTIONFAILED", "cancelActionRet_ActionFailed"),
    INVALID_PARAM_SESSION("INVALIDPARAM_SESSION", "cancelActionRet_InvalidParam_Session"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "cancelActionRet_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "cancelActionRet_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    CancelActionResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<CancelActionResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
