package io.sessiongate.api.rescue;

/** The return codes of {@code deleteNode}. */
public enum DeleteNodeResult implements RescueCode {
    OK("OK", "deleteNode_OK"),
    ERROR("ERROR", "deleteNode_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "deleteNode_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "deleteNode_InvalidParam_NodeID"),
    INVALID_DELETE("INVALID_DELETE", "deleteNode_Invalid_Delete"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "deleteNode_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "deleteNode_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    DeleteNodeResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<DeleteNodeResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
