package io.sessiongate.core.persistence;

/** Reads the columns of a native query's {@code Object[]} row, whatever numeric type the driver chose. */
public final class NativeRows {

    private NativeRows() {
    }

    public static Long toLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    /** A BOOLEAN or TINYINT column, or a comparison's 0/1; null reads as false. */
    public static boolean toBoolean(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        return o != null && ((Number) o).intValue() != 0;
    }
}
