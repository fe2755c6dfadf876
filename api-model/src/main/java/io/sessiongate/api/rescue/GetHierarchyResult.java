package io.sessiongate.api.rescue;

/** The return codes of {@code getHierarchy} and {@code getHierarchy_v2} (whose SOAP values drop the version suffix). */
public enum GetHierarchyResult implements RescueCode {
    OK("OK", "getHierarchy_OK"),
    ERROR("ERROR", "getHierarchy_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "getHierarchy_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "getHierarchy_InvalidParam_NodeID"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "getHierarchy_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "getHierarchy_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    GetHierarchyResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<GetHierarchyResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
