package io.sessiongate.api.rescue;

/** The documented return codes of {@code holdSession}. */
public enum HoldSessionResult implements RescueCode {
    OK("OK", "holdSessionRet_OK"),
    ERROR("ERROR", "holdSessionRet_Error"),
    NOT_LOGGED_IN_AS_ADMIN("NOTLOGGEDINASADMIN", "holdSessionRet_NotLoggedInAsAdmin"),
    ACTION_FAILED("ACTIONFAILED", "holdSessionRet_ActionFailed"),
    INVALID_PARAM_SESSION("INVALIDPARAM_SESSION", "holdSessionRet_InvalidParam_Session"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "holdSessionRet_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "holdSessionRet_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    HoldSessionResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<HoldSessionResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
