package io.sessiongate.server.api;

import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.Page;
import io.sessiongate.core.Identifiers;
import io.sessiongate.core.admin.PageQuery;
import io.sessiongate.core.admin.Slice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination of every list: {@code ?limit=} (1 to {@link PageQuery#MAX_LIMIT}, default
 * {@link PageQuery#DEFAULT_LIMIT}) and {@code ?cursor=}, the opaque {@code next} of the previous page.
 * A cursor names the list it belongs to and the id to continue after (the lists are keyset queries
 * in id order, never OFFSET); it stays valid while rows are added or removed.
 */
public final class Paging {

    private Paging() {
    }

    /** The page asked for, or the field errors of a bad {@code limit} or {@code cursor}. */
    public record Asked(PageQuery query, List<FieldError> errors) {
    }

    /** Reads {@code limit} and {@code cursor} (raw: a bad value is a 422, never Jersey's 404). */
    public static Asked parse(String list, String limitRaw, String cursorRaw, String cursorName) {
        List<FieldError> errors = new ArrayList<>();
        int limit = PageQuery.DEFAULT_LIMIT;
        if (limitRaw != null) {
            Identifiers.Parsed p = Identifiers.parse(limitRaw);
            if (!(p instanceof Identifiers.Parsed.Id id) || id.value() > PageQuery.MAX_LIMIT) {
                errors.add(new FieldError("limit", "INVALID_LIMIT", "limit must be 1 to " + PageQuery.MAX_LIMIT + "."));
            } else {
                limit = (int) id.value();
            }
        }
        long after = 0;
        if (cursorRaw != null && !cursorRaw.isEmpty()) {
            Long decoded = decode(list, cursorRaw);
            if (decoded == null) {
                errors.add(new FieldError(cursorName, "INVALID_CURSOR", cursorName
                        + " must be the next cursor of a page of this list."));
            } else {
                after = decoded;
            }
        }
        return new Asked(errors.isEmpty() ? new PageQuery(after, limit) : null, errors);
    }

    public static String encode(String list, long afterId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((list + ":" + afterId)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static Long decode(String list, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(list + ":")) {
                return null;
            }
            long id = Long.parseLong(text.substring(list.length() + 1));
            return id >= 0 ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The page of a slice: its items, and the cursor of what follows (null at the end). */
    public static <T> Page<T> page(String list, Slice<T> slice) {
        return new Page<>(slice.items(), slice.nextAfterId() == null ? null : encode(list, slice.nextAfterId()));
    }
}
