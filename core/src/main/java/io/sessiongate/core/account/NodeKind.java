package io.sessiongate.core.account;

/**
 * What an entry of an account's hierarchy is. Every account has one {@link #ROOT} and, beneath it,
 * the three organisation nodes made with the account; everything else hangs beneath those.
 */
public enum NodeKind {
    /** The account itself, at the top of its hierarchy; the only node without a parent. */
    ROOT,
    /** Organisation node: the account's master administrators. */
    MASTER_ADMINISTRATORS,
    /** Organisation node: the administrator groups (and administrators placed at the top). */
    ADMINISTRATORS,
    /** Organisation node: the technician groups (and technicians placed at the top). */
    TECHNICIANS,
    TECHNICIAN_GROUP,
    ADMINISTRATOR_GROUP,
    MASTER_ADMINISTRATOR,
    ADMINISTRATOR,
    TECHNICIAN,
    CHANNEL;

    /** The root and the organisation nodes: made with the account, never moved, renamed away or deleted. */
    public boolean isOrganisation() {
        return this == ROOT || this == MASTER_ADMINISTRATORS || this == ADMINISTRATORS || this == TECHNICIANS;
    }

    /** Groups (organisation nodes included) hold other nodes; folder lists are made of them. */
    public boolean isGroup() {
        return this == TECHNICIAN_GROUP || this == ADMINISTRATOR_GROUP || (isOrganisation() && this != ROOT);
    }

    /** The people: a node a user holds. */
    public boolean isPerson() {
        return this == TECHNICIAN || this == ADMINISTRATOR || this == MASTER_ADMINISTRATOR;
    }

    /**
     * Whether the directory service may place a node of this kind under a node of kind {@code parent}, when it
     * is made or moved: the one placement rule. Technicians and technician groups go in a technician group or
     * under {@link #TECHNICIANS}; administrators and administrator groups in an administrator group or under
     * {@link #ADMINISTRATORS}; master administrators only under {@link #MASTER_ADMINISTRATORS}; channels only
     * under the {@link #ROOT}. The root and the organisation nodes are made with the account and never placed.
     */
    public boolean mayBePlacedUnder(NodeKind parent) {
        return switch (this) {
            case ROOT, MASTER_ADMINISTRATORS, ADMINISTRATORS, TECHNICIANS -> false;
            case TECHNICIAN, TECHNICIAN_GROUP -> parent == TECHNICIANS || parent == TECHNICIAN_GROUP;
            case ADMINISTRATOR, ADMINISTRATOR_GROUP -> parent == ADMINISTRATORS || parent == ADMINISTRATOR_GROUP;
            case MASTER_ADMINISTRATOR -> parent == MASTER_ADMINISTRATORS;
            case CHANNEL -> parent == ROOT;
        };
    }

    /**
     * The organisation node a node of this kind goes under when no parent is named: technicians and
     * their groups under {@link #TECHNICIANS}, administrators and their groups under {@link #ADMINISTRATORS},
     * master administrators under {@link #MASTER_ADMINISTRATORS}, channels and the organisation nodes
     * under the {@link #ROOT}; null for the root itself.
     */
    public NodeKind defaultParent() {
        return switch (this) {
            case ROOT -> null;
            case MASTER_ADMINISTRATORS, ADMINISTRATORS, TECHNICIANS, CHANNEL -> ROOT;
            case TECHNICIAN_GROUP, TECHNICIAN -> TECHNICIANS;
            case ADMINISTRATOR_GROUP, ADMINISTRATOR -> ADMINISTRATORS;
            case MASTER_ADMINISTRATOR -> MASTER_ADMINISTRATORS;
        };
    }
}
