package io.sessiongate.core.account;

/**
 * setUser_v2 (and setUserStatus, and the JSON API's PATCH of a user): the user holding person node
 * {@code nodeId}. A null field is left as it is; a blank password too. {@code nick}, {@code ssoId} and
 * {@code description} may be set empty.
 *
 * @param passwordConfirmation when given, must equal {@code password}
 * @param currentPassword      required, and must be right, when a user changes their own password
 * @param status               {@code Enabled}, {@code Disabled} or {@code Deleted}, in any case
 * @param description          the node's description
 */
public record UserChange(Long nodeId, String name, String nick, String email, String ssoId, String password,
                         String passwordConfirmation, String currentPassword, String status, String description) {

    /** Only the status. */
    public static UserChange status(Long nodeId, String status) {
        return new UserChange(nodeId, null, null, null, null, null, null, null, status, null);
    }
}
