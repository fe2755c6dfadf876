package io.sessiongate.api.rescue;

/** The return codes of {@code requestAuthCode}. */
public enum RequestAuthCodeResult implements RescueCode {
    OK("OK", "requestAuthCode_OK"),
    INVALID("INVALID", "requestAuthCode_Invalid"),
    /** Too many wrong passwords for the email: try again later (the value of the vendor's SOAP type). */
    POLL_RATE_EXCEEDED("POLLRATEEXCEEDED", "requestAuthCode_PollRateExceeded"),
    ERROR("ERROR", "requestAuthCode_Error");

    private final String httpCode;
    private final String soapValue;

    RequestAuthCodeResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<RequestAuthCodeResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
