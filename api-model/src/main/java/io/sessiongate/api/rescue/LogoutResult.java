package io.sessiongate.api.rescue;

/** The return codes of {@code logout}. */
public enum LogoutResult implements RescueCode {
    OK("OK", "logout_OK"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "logout_NotLoggedIn"),
    ERROR("ERROR", "logout_Error");

    private final String httpCode;
    private final String soapValue;

    LogoutResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<LogoutResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
