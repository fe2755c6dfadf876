package io.sessiongate.core.rescue;

/** Where a customer's support session stands. */
public enum SupportSessionStatus {
    WAITING("Waiting"),
    ACTIVE("Active"),
    ON_HOLD("On Hold"),
    TRANSFERRING("Transferring"),
    CLOSED("Closed by technician");

    private final String displayName;

    SupportSessionStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The status as the Rescue API's session tables show it. */
    public String displayName() {
        return displayName;
    }
}
