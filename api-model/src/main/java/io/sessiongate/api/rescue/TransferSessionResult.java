package io.sessiongate.api.rescue;

/** The seven documented return codes of {@code transferSession}. */
public enum TransferSessionResult implements RescueCode {
    OK("OK", "transferSessionRet_OK"),
    ERROR("ERROR", "transferSessionRet_Error"),
    NOT_LOGGED_IN_AS_ADMIN("NOTLOGGEDINASADMIN", "transferSessionRet_NotLoggedInAsAdmin"),
    ACTION_FAILED("ACTIONFAILED", "transferSessionRet_ActionFailed"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "transferSessionRet_InvalidParam_Node"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "transferSessionRet_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "transferSessionRet_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    TransferSessionResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<TransferSessionResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
