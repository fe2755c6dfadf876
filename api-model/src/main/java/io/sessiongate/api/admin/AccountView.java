package io.sessiongate.api.admin;

import java.time.Instant;

/**
 * An account and its settings. The time-outs are in minutes: the PIN validity, how long a customer
 * may wait and a session may stay idle before the sweeper closes it (0: never), and how long a login
 * (web session) may stay idle.
 */
public record AccountView(String siteKey, String name, Instant createdAt, int pinValidityMinutes,
                          int waitingTimeoutMinutes, int idleTimeoutMinutes, int webSessionTimeoutMinutes) {
}
