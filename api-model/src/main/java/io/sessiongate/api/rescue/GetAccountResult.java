package io.sessiongate.api.rescue;

/** The return codes of {@code getAccount}: the caller's account and ids. */
public enum GetAccountResult implements RescueCode {
    OK("OK", "getAccount_OK"),
    ERROR("ERROR", "getAccount_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "getAccount_NotLoggedIn"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "getAccount_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "getAccount_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    GetAccountResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<GetAccountResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
