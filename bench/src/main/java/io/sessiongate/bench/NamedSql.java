package io.sessiongate.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement with {@code :name} parameters (as the server's native queries are written) turned
 * into JDBC's {@code ?} form, so that the database ceiling issues exactly the server's SQL.
 */
record NamedSql(String jdbc, List<String> names) {

    static NamedSql of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return new NamedSql(out.toString(), List.copyOf(names));
    }

    /** The JDBC parameter values in order, from values given by name. */
    Object[] bind(java.util.Map<String, ?> values) {
        Object[] out = new Object[names.size()];
        for (int i = 0; i < out.length; i++) {
            if (!values.containsKey(names.get(i))) {
                throw new IllegalArgumentException("no value for :" + names.get(i));
            }
            out[i] = values.get(names.get(i));
        }
        return out;
    }
}
