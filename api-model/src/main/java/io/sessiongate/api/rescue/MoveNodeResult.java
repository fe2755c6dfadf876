package io.sessiongate.api.rescue;

/** The return codes of {@code moveNode}. */
public enum MoveNodeResult implements RescueCode {
    OK("OK", "moveNode_OK"),
    ERROR("ERROR", "moveNode_Error"),
    NOT_LOGGED_IN("NOTLOGGEDIN", "moveNode_NotLoggedIn"),
    INVALID_PARAM_NODE("INVALIDPARAM_NODE", "moveNode_InvalidParam_NodeID"),
    INVALID_PARAM_TARGET_NODE("INVALIDPARAM_TARGETNODE", "moveNode_InvalidParam_TargetNode"),
    INVALID_MOVE("INVALID_MOVE", "moveNode_Invalid_Move"),
    INVALID_SECRET_AUTH_CODE("INVALID_SECRETAUTHCODE", "moveNode_Invalid_SecretAuthCode"),
    USER_DELETED_OR_DISABLED("USER_DELETED_OR_DISABLED", "moveNode_User_Deleted_Or_Disabled");

    private final String httpCode;
    private final String soapValue;

    MoveNodeResult(String httpCode, String soapValue) {
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
    public static java.util.Optional<MoveNodeResult> fromHttpCode(String code) {
        return RescueCode.fromHttpCode(values(), code);
    }
}
