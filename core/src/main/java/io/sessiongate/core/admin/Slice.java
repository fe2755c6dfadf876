package io.sessiongate.core.admin;

import java.util.List;

/**
 * One keyset page of rows in id order: the rows, and the id to continue after (null when no row
 * follows). The API turns it into an opaque cursor.
 */
public record Slice<T>(List<T> items, Long nextAfterId) {

    public Slice {
        items = List.copyOf(items);
    }

    /** The first {@code limit} of {@code rows} (read with one more than asked, to know whether more follow). */
    public static <T> Slice<T> of(List<T> rows, int limit, java.util.function.ToLongFunction<T> id) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new Slice<>(page, id.applyAsLong(page.get(limit - 1)));
    }
}
