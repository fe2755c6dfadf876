package io.sessiongate.api.rescue;

/** The answers of {@code isAnyTechAvailableOnChannel}: {@code TRUE} or {@code FALSE}, or an error code. */
public enum ChannelAvailabilityResult implements RescueCode {
    TRUE("TRUE", "isAnyTechAvailableOnChannel_True"),
    FALSE("FALSE", "isAnyTechAvailableOnChannel_False"),
    ERROR("ERROR", "isAnyTechAvailableOnChannel_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "isAnyTechAvailableOnChannel_NotLoggedIn"),
    INVALID_PARAM_CHANNEL("INVALIDPARAM_CHANNELID", "isAnyTechAvailableOnChannel_InvalidParam_ChannelID"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "isAnyTechAvailableOnChannel_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "isAnyTechAvailableOnChannel_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    ChannelAvailabilityResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<ChannelAvailabilityResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
