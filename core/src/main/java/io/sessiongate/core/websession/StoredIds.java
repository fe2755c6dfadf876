package io.sessiongate.core.websession;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The stored form of a web session's role and folder-group snapshots: sorted, comma-separated IDs. */
public final class StoredIds {

    private StoredIds() {
    }

    /** Parses a comma-separated list of IDs as stored in the snapshot columns; null or empty is none. */
    public static Set<Long> parse(String csv) {
        if (csv == null || csv.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(Long::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The stored form of a set of IDs: sorted, comma-separated. */
    public static String join(Collection<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
