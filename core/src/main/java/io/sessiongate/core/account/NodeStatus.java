package io.sessiongate.core.account;

/** Whether a group or channel is in use; a disabled group's technicians cannot be reached through it. */
public enum NodeStatus {
    ENABLED,
    DISABLED
}
