package io.sessiongate.api.rescue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a {@code getHierarchy_v2} reply, as singer-io's tap-logmeinrescue parses it: one block per
 * node of {@code Key:Value} lines ({@code NodeID}, {@code ParentID}, {@code Name}, {@code Email},
 * {@code Description}, {@code Status}, {@code Type}), each line ending with {@code \n}, and a blank line after
 * every block (the last one too: the tap drops what follows the last blank line). With the reply's
 * {@code OK\n\n} before it, {@code reply.split("\n\n")[1:-1]} is exactly the blocks. A value never holds a
 * {@code :} (the tap splits each line on every colon and expects two parts), written as {@code ;}, nor a line
 * break (a blank line would end the block), written as a space: the only lossy step.
 */
public final class HierarchyText {

    public static final List<String> KEYS = List.of("NodeID", "ParentID", "Name", "Email", "Description", "Status",
            "Type");

    private HierarchyText() {
    }

    /** The blocks of {@code entries}, each ending with a blank line; empty when there are none. */
    public static String render(List<HierarchyEntry> entries) {
        StringBuilder out = new StringBuilder(entries.size() * 120);
        for (HierarchyEntry e : entries) {
            line(out, "NodeID", Long.toString(e.nodeId()));
            line(out, "ParentID", e.parentId() == null ? "" : e.parentId().toString());
            line(out, "Name", e.name());
            line(out, "Email", e.email());
            line(out, "Description", e.description());
            line(out, "Status", e.status());
            line(out, "Type", e.type().text());
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Reads what {@link #render} wrote (the data after the reply's blank line).
     *
     * @throws IllegalArgumentException when the text is not such blocks
     */
    public static List<HierarchyEntry> parse(String data) {
        List<HierarchyEntry> entries = new ArrayList<>();
        if (data.isEmpty()) {
            return entries;
        }
        if (!data.endsWith("\n\n")) {
            throw new IllegalArgumentException("not hierarchy blocks: the last block does not end with a blank line");
        }
        for (String block : data.substring(0, data.length() - 2).split("\n\n", -1)) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : block.split("\n", -1)) {
                int colon = line.indexOf(':');
                if (colon < 0 || line.indexOf(':', colon + 1) >= 0) {
                    throw new IllegalArgumentException("not a Key:Value line: " + line);
                }
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
            if (!fields.keySet().equals(new java.util.LinkedHashSet<>(KEYS))) {
                throw new IllegalArgumentException("a block has the keys " + fields.keySet() + ", not " + KEYS);
            }
            try {
                entries.add(new HierarchyEntry(Long.parseLong(fields.get("NodeID")),
                        fields.get("ParentID").isEmpty() ? null : Long.valueOf(fields.get("ParentID")),
                        fields.get("Name"), fields.get("Email"), fields.get("Description"), fields.get("Status"),
                        NodeType.fromText(fields.get("Type")).orElseThrow(() -> new IllegalArgumentException(
                                "unknown type " + fields.get("Type")))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a node id that is not a number", e);
            }
        }
        return List.copyOf(entries);
    }

    /** A value as a {@code Key:Value} line holds it: {@code :} as {@code ;}, line breaks as spaces. */
    public static String value(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            out.append(switch (c) {
                case ':' -> ';';
                case '\n', '\r', '\u0085', '\u2028', '\u2029' -> ' ';
                default -> c;
            });
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(':').append(value(value)).append('\n');
    }
}
