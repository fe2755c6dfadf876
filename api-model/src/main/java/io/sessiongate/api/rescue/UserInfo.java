package io.sessiongate.api.rescue;

/**
 * A user as {@code getUser_v2} and {@code getUser_v3} describe it.
 *
 * @param nodeId        the node asked for (technician or administrator node)
 * @param type          technician, administrator or master administrator
 * @param status        {@code Online}, {@code Offline}, {@code Busy}, {@code Away} or {@code Disabled}
 * @param accountHolder whether the user holds the account
 */
public record UserInfo(long nodeId, String name, String nick, String email, String ssoId, String description,
                       NodeType type, String status, boolean accountHolder) {
}
