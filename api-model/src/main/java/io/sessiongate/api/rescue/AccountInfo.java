package io.sessiongate.api.rescue;

/**
 * The caller's account as {@code getAccount} describes it.
 *
 * @param adminId the caller's administrator node, 0 when they have none (as the vendor documents)
 * @param techId  the caller's technician node, 0 when they have none
 */
public record AccountInfo(long accountId, String organization, long adminId, long techId, String email) {
}
