package io.sessiongate.api.admin;

import java.util.List;

/**
 * One page of a list: its items and the opaque cursor of the next page ({@code ?cursor=}), null when
 * there is none.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
