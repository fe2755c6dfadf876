package io.sessiongate.server.soap;

import io.sessiongate.api.rescue.AccountInfo;
import io.sessiongate.api.rescue.GetHierarchyResult;
import io.sessiongate.api.rescue.GroupInfo;
import io.sessiongate.api.rescue.HierarchyEntry;
import io.sessiongate.api.rescue.UserInfo;
import io.sessiongate.server.rescue.RescueMethods;

/**
 * The SOAP rendering of the administration methods' data, after the result element: getAccount's
 * {@code iAccountID}, {@code sOrganization}, {@code iAdminID}, {@code iTechID}, {@code sEmail} (as the vendor's
 * page lists them); getHierarchy(_v2)'s {@code aHierarchy} of {@code HIERARCHY}; getUser_v2's {@code oUser};
 * getGroup_v2's {@code oGroup}; createUser's and createGroup's {@code iNewNodeID}.
 */
final class Administration {

    private Administration() {
    }

    static void render(RescueMethods.Result result, StringBuilder out) {
        if (result instanceof RescueMethods.Result.Account a && a.account() != null) {
            AccountInfo info = a.account();
            element(out, "iAccountID", info.accountId());
            element(out, "sOrganization", info.organization());
            element(out, "iAdminID", info.adminId());
            element(out, "iTechID", info.techId());
            element(out, "sEmail", info.email());
        }
        if (result instanceof RescueMethods.Result.Hierarchy h && h.code() == GetHierarchyResult.OK) {
            out.append("<aHierarchy>");
            for (HierarchyEntry e : h.nodes()) {
                out.append("<HIERARCHY>");
                element(out, "iNodeID", e.nodeId());
                if (e.parentId() != null) {
                    element(out, "iParentID", e.parentId());
                }
                element(out, "sName", e.name());
                element(out, "sEmail", e.email());
                element(out, "sDescription", e.description());
                element(out, "eStatus", e.status());
                element(out, "eType", e.type().soapValue());
                out.append("</HIERARCHY>");
            }
            out.append("</aHierarchy>");
        }
        if (result instanceof RescueMethods.Result.User u && u.user() != null) {
            UserInfo user = u.user();
            out.append("<oUser>");
            element(out, "iNodeID", user.nodeId());
            element(out, "sName", user.name());
            element(out, "sNick", user.nick());
            element(out, "sEmail", user.email());
            element(out, "sSSOID", user.ssoId());
            element(out, "sDescription", user.description());
            element(out, "eType", user.type().soapValue());
            element(out, "bAccountHolder", user.accountHolder());
            element(out, "hasMobileAddon", false);
            element(out, "eStatus", user.status());
            out.append("</oUser>");
        }
        if (result instanceof RescueMethods.Result.Group g && g.group() != null) {
            GroupInfo group = g.group();
            out.append("<oGroup>");
            element(out, "iNodeID", group.nodeId());
            if (group.parentId() != null) {
                element(out, "iParentID", group.parentId());
            }
            element(out, "sName", group.name());
            element(out, "sDescription", group.description());
            element(out, "eType", group.type().soapValue());
            element(out, "bIsEnabled", group.enabled());
            out.append("</oGroup>");
        }
        if (result instanceof RescueMethods.Result.NewNode n && n.nodeId() != null) {
            element(out, "iNewNodeID", n.nodeId());
        }
    }

    private static void element(StringBuilder out, String name, Object value) {
        out.append('<').append(name).append('>').append(Xml.escape(String.valueOf(value))).append("</").append(name)
                .append('>');
    }
}
