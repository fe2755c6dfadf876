package io.sessiongate.api.rescue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getHierarchy_v2's blocks: the exact bytes, read back, and read as tap-logmeinrescue reads them. */
class HierarchyTextTest {

    private static final List<HierarchyEntry> ENTRIES = List.of(
            new HierarchyEntry(1, null, "Acme", "", "", "Offline", NodeType.ROOT),
            new HierarchyEntry(4, 1L, "Technicians", "", "", "Offline", NodeType.TECHNICIANS),
            new HierarchyEntry(40, 4L, "Tier 1: EU", "", "first\nline", "Disabled", NodeType.TECHNICIAN_GROUP),
            new HierarchyEntry(41, 40L, "Ann", "ann@acme.example", "", "Online", NodeType.TECHNICIAN),
            new HierarchyEntry(42, 40L, "Bob", "bob@acme.example", "", "Offline", NodeType.TECHNICIAN));

    /** What tap-logmeinrescue's technicians stream does with a reply, step by step, in Java. */
    static List<Map<String, String>> asTheTapReads(String reply) {
        String[] parts = reply.split("\n\n", -1);                          // response.split('\n\n')
        List<Map<String, String>> technicians = new ArrayList<>();
        for (String node : Arrays.asList(parts).subList(1, parts.length - 1)) {   // [1:-1]
            Map<String, String> item = new LinkedHashMap<>();
            for (String field : node.split("\n", -1)) {                   // node.split('\n')
                String[] kv = field.split(":", -1);                        // (k, v) = field.split(':')
                if (kv.length != 2) {
                    throw new IllegalStateException("ValueError: the tap cannot unpack " + field);
                }
                item.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);           // transform_record: lower-case keys
            }
            if ("Technician".equals(item.get("type"))) {                   // output.get('type') == 'Technician'
                technicians.add(item);
            }
        }
        return technicians;
    }

    @Test
    void eachNodeIsABlockOfKeyValueLinesEndingWithABlankLine() {
        assertThat(RescueReply.withData(GetHierarchyResult.OK, HierarchyText.render(ENTRIES.subList(2, 4))))
                .isEqualTo("OK\n\n"
                        + "NodeID:40\nParentID:4\nName:Tier 1; EU\nEmail:\nDescription:first line\nStatus:Disabled\n"
                        + "Type:TechnicianGroup\n\n"
                        + "NodeID:41\nParentID:40\nName:Ann\nEmail:ann@acme.example\nDescription:\nStatus:Online\n"
                        + "Type:Technician\n\n");
        assertThat(RescueReply.withData(GetHierarchyResult.OK, HierarchyText.render(List.of()))).isEqualTo("OK\n\n");
    }

    @Test
    void theTapFindsEveryTechnicianAndNothingElse() {
        String reply = RescueReply.withData(GetHierarchyResult.OK, HierarchyText.render(ENTRIES));
        assertThat(asTheTapReads(reply)).containsExactly(
                Map.of("nodeid", "41", "parentid", "40", "name", "Ann", "email", "ann@acme.example", "description", "",
                        "status", "Online", "type", "Technician"),
                Map.of("nodeid", "42", "parentid", "40", "name", "Bob", "email", "bob@acme.example", "description", "",
                        "status", "Offline", "type", "Technician"));
        assertThat(asTheTapReads("OK\n\n")).isEmpty();
    }

    @Test
    void whatIsRenderedReadsBackButForTheReplacedCharacters() {
        List<HierarchyEntry> back = HierarchyText.parse(HierarchyText.render(ENTRIES));
        assertThat(back).hasSize(ENTRIES.size());
        assertThat(back.get(2).name()).isEqualTo("Tier 1; EU");
        assertThat(back.get(2).description()).isEqualTo("first line");
        assertThat(back.subList(3, 5)).isEqualTo(ENTRIES.subList(3, 5));
        assertThat(back.get(0).parentId()).isNull();
        assertThatThrownBy(() -> HierarchyText.parse("NodeID:1\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVendorsTypesKeepTheirTwoSpellings() {
        assertThat(NodeType.MASTER_ADMINISTRATOR.text()).isEqualTo("Masteradministrator");
        assertThat(NodeType.MASTER_ADMINISTRATOR.soapValue()).isEqualTo("MasterAdministrator");
        assertThat(Arrays.stream(NodeType.values()).map(NodeType::text)).containsExactly("Root",
                "Masteradministrators", "Administrators", "Technicians", "AdministratorGroup", "TechnicianGroup",
                "Masteradministrator", "Administrator", "Technician", "Channel");
    }

    @Test
    void aNewNodesIdFollowsTheCodeOnItsOwnLine() {
        assertThat(RescueReply.newNode(CreateUserResult.OK, 100123)).isEqualTo("OK\n100123");
        assertThat(RescueReply.newNodeOf("OK\n100123")).hasValue(100123);
        assertThat(RescueReply.newNodeOf("INVALIDPARAM_PARENT")).isEmpty();
    }

    @Test
    void everyAdministrationMethodHasTheAuthenticationCodesAndItsSoapPrefix() {
        List<RescueCode[]> all = List.of(GetAccountResult.values(), GetHierarchyResult.values(),
                CreateUserResult.values(), SetUserResult.values(), SetUserStatusResult.values(),
                CreateGroupResult.values(), GetGroupResult.values(), SetGroupResult.values(), MoveNodeResult.values(),
                DeleteNodeResult.values(), AssignChannelResult.values(), UnassignChannelResult.values());
        for (RescueCode[] codes : all) {
            String prefix = codes[0].soapValue().substring(0, codes[0].soapValue().indexOf('_') + 1);
            assertThat(Arrays.stream(codes).map(RescueCode::httpCode)).contains("OK", "ERROR", "NOTLOGGEDIN",
                    "INVALID_SECRETAUTHCODE", "USER_DELETED_OR_DISABLED").doesNotHaveDuplicates();
            assertThat(Arrays.stream(codes).map(RescueCode::soapValue)).allMatch(v -> v.startsWith(prefix))
                    .doesNotHaveDuplicates();
        }
        assertThat(MoveNodeResult.INVALID_PARAM_TARGET_NODE.httpCode()).isEqualTo("INVALIDPARAM_TARGETNODE");
        assertThat(SetUserResult.OK.soapValue()).isEqualTo("setUser_OK");
        assertThat(GetHierarchyResult.OK.soapValue()).isEqualTo("getHierarchy_OK");
    }
}
