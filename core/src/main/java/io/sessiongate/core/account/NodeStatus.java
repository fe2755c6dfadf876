package io.sessiongate.core.account;

/** Whether a group or channel is in use: customers cannot enter a disabled channel. */
public enum NodeStatus {
    ENABLED,
    DISABLED
}
