package io.sessiongate.api.rescue;

/** The return codes of {@code login}. */
public enum LoginResult implements RescueCode {
    OK("OK", "login_OK"),
    INVALID("INVALID", "login_Invalid"),
    LIMIT_REACHED("LIMITREACHED", "login_LimitReached"),
    ERROR("ERROR", "login_Error");

    private final String httpCode;
    private final String soapValue;

    LoginResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<LoginResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
