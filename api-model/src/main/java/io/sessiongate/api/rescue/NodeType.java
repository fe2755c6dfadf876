package io.sessiongate.api.rescue;

import java.util.Optional;

/**
 * A node's type as the vendor names it: in {@code getHierarchy_v2}'s text ({@code Type:Masteradministrator},
 * as its documentation lists them) and in its SOAP enumeration ({@code MasterAdministrator}, as getUser's
 * {@code eType} spells it).
 */
public enum NodeType {
    ROOT("Root", "Root"),
    MASTER_ADMINISTRATORS("Masteradministrators", "MasterAdministrators"),
    ADMINISTRATORS("Administrators", "Administrators"),
    TECHNICIANS("Technicians", "Technicians"),
    ADMINISTRATOR_GROUP("AdministratorGroup", "AdministratorGroup"),
    TECHNICIAN_GROUP("TechnicianGroup", "TechnicianGroup"),
    MASTER_ADMINISTRATOR("Masteradministrator", "MasterAdministrator"),
    ADMINISTRATOR("Administrator", "Administrator"),
    TECHNICIAN("Technician", "Technician"),
    CHANNEL("Channel", "Channel");

    private final String text;
    private final String soapValue;

    NodeType(String text, String soapValue) {
        this.text = text;
        this.soapValue = soapValue;
    }

    /** The {@code .aspx} replies' text, e.g. {@code TechnicianGroup}. */
    public String text() {
        return text;
    }

    /** The SOAP enumeration value. */
    public String soapValue() {
        return soapValue;
    }

    /** The type whose text is {@code text}, exactly. */
    public static Optional<NodeType> fromText(String text) {
        for (NodeType t : values()) {
            if (t.text.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
