package io.sessiongate.api.rescue;

/**
 * A user as {@code getUser_v3} describes it.
 *
 * @param nodeId        the node asked for (technician or administrator node)
 * @param type          {@code Technician} or {@code Administrator}
 * @param status        {@code Online}, {@code Offline}, {@code Busy}, {@code Away} or {@code Disabled}
 * @param accountHolder whether the user holds the account
 */
public record UserInfo(long nodeId, String name, String email, String type, String status, boolean accountHolder) {
}
