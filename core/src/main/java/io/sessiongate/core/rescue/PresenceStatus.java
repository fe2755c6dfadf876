package io.sessiongate.core.rescue;

/** What a running technician console reports; a technician without a recent heartbeat is Offline. */
public enum PresenceStatus {
    ONLINE("Online"),
    AWAY("Away"),
    BUSY("Busy");

    private final String displayName;

    PresenceStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
