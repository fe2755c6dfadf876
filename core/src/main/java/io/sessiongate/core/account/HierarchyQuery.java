package io.sessiongate.core.account;

/**
 * getHierarchy_v2's question: the whole account, or node {@code node} and everything beneath it
 * ({@code isNode}); with {@code filterOffline}, without the technicians who are not Online, Away or Busy.
 * Only what the caller reaches is answered.
 *
 * @param isNode        null when the caller's value was not a boolean
 * @param node          used when {@code isNode}; null when missing or not a number
 * @param filterOffline null when the caller's value was not a boolean
 */
public record HierarchyQuery(Boolean isNode, Long node, Boolean filterOffline) {

    public static HierarchyQuery wholeAccount() {
        return new HierarchyQuery(false, null, false);
    }

    public static HierarchyQuery beneath(long node) {
        return new HierarchyQuery(true, node, false);
    }
}
