package io.sessiongate.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * A native statement written with {@code :name} parameters, parsed once, and run as a plain JDBC
 * prepared statement on the connection of a Hibernate session's transaction (or, for the
 * benchmark's database ceiling, on a plain connection, so that both send the same SQL the same
 * way). The hot paths
 * (authentication, transferSession, Session.Update, events) use it instead of Hibernate's native
 * queries, whose per-call parameter and result-mapping machinery was a quarter of the server's
 * CPU per request (a JFR profile under the benchmark). Instants are written as UTC date-times, as
 * Hibernate writes them here; each execution counts in {@link StatementCounter}.
 */
public final class NativeSql {

    private final String jdbc;
    private final List<String> names;

    private NativeSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /** Parses {@code sql}; {@code :name} outside quotes is a parameter ({@code ::} is left alone). */
    public static NativeSql of(String sql) {
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
        return new NativeSql(out.toString(), List.copyOf(names));
    }

    /** The statement in JDBC's {@code ?} form. */
    public String jdbc() {
        return jdbc;
    }

    /** The parameter names in the order of the {@code ?}s (a name used twice appears twice). */
    public List<String> names() {
        return names;
    }

    /** A run of this statement in {@code session}'s transaction; set every parameter, then execute. */
    public Run on(Session session) {
        return new Run(session, null);
    }

    /**
     * A run on a plain JDBC connection, in whatever transaction it has; a failure is thrown as a
     * {@link DataAccessException}, as through a session.
     */
    public Run on(Connection connection) {
        return new Run(null, connection);
    }

    /** One execution: its parameter values, then {@link #one()} or {@link #update()}. */
    public final class Run {

        private final Session session;
        private final Connection connection;
        private final Object[] values = new Object[names.size()];
        private final boolean[] set = new boolean[names.size()];

        private Run(Session session, Connection connection) {
            this.session = session;
            this.connection = connection;
        }

        /** Sets every occurrence of {@code :name}. */
        public Run set(String name, Object value) {
            boolean found = false;
            for (int i = 0; i < values.length; i++) {
                if (names.get(i).equals(name)) {
                    values[i] = value instanceof Instant instant ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
                    set[i] = true;
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no parameter :" + name + " in " + jdbc);
            }
            return this;
        }

        /** The first row's columns, or null when there is none. */
        public Object[] one() {
            return execute(c -> {
                try (PreparedStatement ps = prepare(c)) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        ResultSetMetaData meta = rs.getMetaData();
                        Object[] row = new Object[meta.getColumnCount()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        return row;
                    }
                }
            });
        }

        /** Executes an INSERT, UPDATE or DELETE; the number of rows it changed. */
        public int update() {
            return execute(c -> {
                try (PreparedStatement ps = prepare(c)) {
                    return ps.executeUpdate();
                }
            });
        }

        private <T> T execute(ReturningWork<T> work) {
            if (session != null) {
                return session.doReturningWork(work);
            }
            try {
                return work.execute(connection);
            } catch (SQLException e) {
                throw PersistenceExceptionTranslator.translate(e);
            }
        }

        private PreparedStatement prepare(Connection c) throws SQLException {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException("no value for :" + names.get(i) + " in " + jdbc);
                }
            }
            StatementCounter.count();
            PreparedStatement ps = c.prepareStatement(jdbc);
            try {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
            return ps;
        }

        @Override
        public String toString() {
            return jdbc + " " + Arrays.toString(values);
        }
    }
}
