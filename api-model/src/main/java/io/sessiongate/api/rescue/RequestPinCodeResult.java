package io.sessiongate.api.rescue;

/**
 * The return codes of {@code requestPINCode} and {@code requestPINCode_v3} (SOAP {@code requestPINCode}
 * and {@code requestPINCodeV3}, whose values share the prefix {@code requestPINCode_}). A deleted or a
 * disabled user is answered {@code USER_DELETED_OR_DISABLED}; the vendor's {@code USER_IS_DELETED} is
 * not used.
 */
public enum RequestPinCodeResult implements RescueCode {
    OK("OK", "requestPINCode_OK"),
    ERROR("ERROR", "requestPINCode_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "requestPINCode_NotLoggedIn"),
    NOT_TECHNICIAN("NOTTECHNICIAN", "requestPINCode_NotTechnician"),
    NO_TECH_CONSOLE_RUNNING("NOTECHCONSOLERUNNING", "requestPINCode_NoTechConsoleRunning"),
    OUT_OF_PIN_CODES("OUTOFPINCODES", "requestPINCode_OutOfPINCodes"),
    POLL_RATE_EXCEEDED("POLLRATEEXCEEDED", "requestPINCode_PollRateExceeded"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "requestPINCode_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "requestPINCode_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    RequestPinCodeResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<RequestPinCodeResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
