package io.sessiongate.core.admin;

/** Which page of a list: the rows after id {@code afterId} (0: from the start), at most {@code limit}. */
public record PageQuery(long afterId, int limit) {

    /** The largest page the API serves. */
    public static final int MAX_LIMIT = 200;
    /** The page size when none is asked. */
    public static final int DEFAULT_LIMIT = 50;

    public PageQuery {
        if (afterId < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page after " + afterId + ", limit " + limit);
        }
    }
}
