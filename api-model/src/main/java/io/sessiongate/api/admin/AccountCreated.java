package io.sessiongate.api.admin;

/**
 * What creating an account made: the account, its master administrator's user id and administrator
 * node id, and an API token acting as that master administrator (its secret shown this once).
 */
public record AccountCreated(AccountView account, long masterUserId, long masterAdministratorNodeId,
                             ApiTokenCreated apiToken) {
}
