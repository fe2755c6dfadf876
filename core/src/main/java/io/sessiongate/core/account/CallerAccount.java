package io.sessiongate.core.account;

/**
 * getAccount's answer: the caller's account and their own ids in it.
 *
 * @param adminNodeId the caller's administrator (or master administrator) node; null when they have none
 * @param techNodeId  the caller's technician node; null when they have none
 * @param email       the caller's email; empty for a caller without a user (an account API token)
 */
public record CallerAccount(long accountId, String organization, Long adminNodeId, Long techNodeId, String email) {
}
