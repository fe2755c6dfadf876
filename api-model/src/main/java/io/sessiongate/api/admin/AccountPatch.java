package io.sessiongate.api.admin;

/** A change of an account: each field given is set, each field absent (or null) is left as it is. */
public record AccountPatch(String name, Integer pinValidityMinutes, Integer waitingTimeoutMinutes,
                           Integer idleTimeoutMinutes, Integer webSessionTimeoutMinutes) {
}
