package io.sessiongate.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A native statement written with {@code :name} parameters, parsed once, and run as a plain JDBC
 * prepared statement in a transaction ({@link Tx}: a Hibernate session's, or for the benchmark's
 * database ceiling a plain connection's, so that both send the same SQL the same way). Results
 * come back as the caller's records, mapped from the columns by name ({@link RowMapper}). The hot paths
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

    /** A run of this statement in {@code tx}'s transaction; set every parameter, then execute. */
    public Run on(Tx tx) {
        return new Run(tx);
    }

    /** Takes each row of a streamed result in turn ({@link Run#stream}); it may write it out, never keep it. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(Row row) throws SQLException, java.io.IOException;
    }

    /** Reads what an executed statement answered (its result set or its count). */
    @FunctionalInterface
    private interface StatementReader<T> {
        T read(PreparedStatement executed) throws SQLException;
    }

    /** Maps the current row of a result, reading its columns by name. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /**
     * One row of a result, read by column name (the {@code AS} alias where there is one), so that a
     * column added to a statement cannot shift what another one means.
     */
    public static final class Row {

        private final ResultSet rs;

        private Row(ResultSet rs) {
            this.rs = rs;
        }

        /** A BIGINT or INT column; null for SQL NULL. */
        public Long getLong(String column) throws SQLException {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        }

        public int getInt(String column) throws SQLException {
            return rs.getInt(column);
        }

        public String getString(String column) throws SQLException {
            return rs.getString(column);
        }

        /** A BOOLEAN or TINYINT column, or a comparison's 0/1; NULL reads as false. */
        public boolean getBoolean(String column) throws SQLException {
            return rs.getBoolean(column);
        }

        /** A DATETIME column, stored in UTC as everything here writes it; null for SQL NULL. */
        public Instant getInstant(String column) throws SQLException {
            LocalDateTime t = rs.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }

        /** A column as a JDBC 4.2 type the driver reads, e.g. {@code LocalTime} for TIME; null for SQL NULL. */
        public <T> T getObject(String column, Class<T> type) throws SQLException {
            return rs.getObject(column, type);
        }

        /** A column holding an enum constant's name; null for SQL NULL. */
        public <E extends Enum<E>> E getEnum(String column, Class<E> type) throws SQLException {
            String name = rs.getString(column);
            return name == null ? null : Enum.valueOf(type, name);
        }
    }

    /**
     * One execution: its parameter values, then {@link #one}, {@link #list}, {@link #update()}, {@link #defer()}
     * or {@link #insert()}.
     */
    public final class Run {

        private final Tx tx;
        private final Object[] values = new Object[names.size()];
        private final boolean[] set = new boolean[names.size()];

        private Run(Tx tx) {
            this.tx = tx;
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

        /** The first row, mapped; empty when there is none. */
        public <T> Optional<T> one(RowMapper<T> mapper) {
            return tx.jdbc(c -> execute(c, ps -> {
                try (ResultSet rs = ps.getResultSet()) {
                    return rs.next() ? Optional.of(mapper.map(new Row(rs))) : Optional.empty();
                }
            }));
        }

        /**
         * This single-row read, asked for now and sent behind the transaction's next statement, in its round
         * trip ({@link DeferredStatements}); where nothing carries it (a plain {@link Tx#of(Connection)}, a
         * cluster, or no statement before its result is wanted) it runs on its own then. It sees the
         * transaction as it stands when it travels: ask ahead only what nothing before its use changes.
         */
        public <T> Ahead<T> ahead(RowMapper<T> mapper) {
            checkEverySet();
            Ahead<T> ahead = new Ahead<>(this, mapper);
            DeferredStatements pending = tx.deferred();
            if (pending != null) {
                pending.add(ahead);
            }
            return ahead;
        }

        /** Every row, mapped, in the order of the result. */
        public <T> List<T> list(RowMapper<T> mapper) {
            return tx.jdbc(c -> execute(c, ps -> {
                try (ResultSet rs = ps.getResultSet()) {
                    List<T> rows = new ArrayList<>();
                    Row row = new Row(rs);
                    while (rs.next()) {
                        rows.add(mapper.map(row));
                    }
                    return rows;
                }
            }));
        }

        /**
         * Hands every row to {@code handler} as the database sends it, {@code fetchSize} rows at a time
         * (MariaDB's driver streams a result when the fetch size is positive), so that a result of any
         * size passes through in bounded memory; the number of rows. The connection can run nothing
         * else until the result is read, so a streamed report is the one statement of its transaction.
         * An {@link java.io.IOException} of the handler leaves as an {@link java.io.UncheckedIOException}.
         */
        public long stream(int fetchSize, RowHandler handler) {
            if (fetchSize <= 0) {
                throw new IllegalArgumentException("a streamed result needs a positive fetch size");
            }
            return tx.jdbc(c -> {
                sendDeferred(c);
                try (PreparedStatement ps = prepare(c, Statement.NO_GENERATED_KEYS)) {
                    ps.setFetchSize(fetchSize);
                    try (ResultSet rs = ps.executeQuery()) {
                        Row row = new Row(rs);
                        long n = 0;
                        while (rs.next()) {
                            handler.handle(row);
                            n++;
                        }
                        return n;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }

        /** Executes an INSERT, UPDATE or DELETE; the number of rows it changed. */
        public int update() {
            return tx.jdbc(c -> execute(c, PreparedStatement::getUpdateCount));
        }

        /**
         * Executes an INSERT, UPDATE or DELETE whose count nobody reads, in the transaction's next round
         * trip ({@link DeferredStatements}): in front of its next statement or with its COMMIT. Outside a
         * transaction that defers (a plain {@link Tx#of(Connection)}), it runs at once.
         */
        public void defer() {
            DeferredStatements deferred = tx.deferred();
            if (deferred == null) {
                update();
                return;
            }
            checkEverySet();
            StatementCounter.countDeferred();
            deferred.add(this);
        }

        /** Executes an INSERT into a table with an AUTO_INCREMENT key; the key it generated. */
        public long insert() {
            return tx.jdbc(c -> {
                sendDeferred(c);
                try (PreparedStatement ps = prepare(c, Statement.RETURN_GENERATED_KEYS)) {
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("no generated key from " + jdbc);
                        }
                        return keys.getLong(1);
                    }
                }
            });
        }

        /** The statement in JDBC's {@code ?} form (with the others of a deferred multi-statement packet). */
        String jdbc() {
            return jdbc;
        }

        /** Binds this run's values to {@code ps} from parameter {@code first} on; the index after the last. */
        int bindFrom(PreparedStatement ps, int first) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(first + i, values[i]);
            }
            return first + values.length;
        }

        /**
         * Runs this statement in one round trip, carrying the transaction's deferred writes in front of it and
         * its reads ahead behind it when there are any, and hands {@code read} the statement positioned on this
         * statement's result; the reads ahead get theirs after it.
         */
        private <T> T execute(Connection c, StatementReader<T> read) throws SQLException {
            DeferredStatements pending = tx.deferred();
            if (pending == null || pending.isEmpty()) {
                try (PreparedStatement ps = prepare(c, Statement.NO_GENERATED_KEYS)) {
                    ps.execute();
                    return read.read(ps);
                }
            }
            checkEverySet();
            StatementCounter.count();
            int writes = pending.writeCount();
            List<Ahead<?>> behind = pending.reads();
            behind.forEach(ahead -> StatementCounter.countDeferred());
            try (PreparedStatement ps = c.prepareStatement(pending.around(jdbc))) {
                pending.bindAround(ps, this);
                pending.clear();
                ps.execute();
                for (int i = 0; i < writes; i++) {
                    ps.getMoreResults(); // past the deferred writes' counts, to this statement's result
                }
                T result = read.read(ps);
                for (Ahead<?> ahead : behind) {
                    ps.getMoreResults();
                    ahead.arrive(ps.getResultSet());
                }
                return result;
            }
        }

        /** Sends the deferred writes in a round trip of their own, before a statement they cannot travel with. */
        private void sendDeferred(Connection c) throws SQLException {
            DeferredStatements deferred = tx.deferred();
            if (deferred != null) {
                deferred.send(c, false);
            }
        }

        private void checkEverySet() {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException("no value for :" + names.get(i) + " in " + jdbc);
                }
            }
        }

        /** This statement alone, its values bound. */
        private PreparedStatement prepare(Connection c, int generatedKeys) throws SQLException {
            checkEverySet();
            StatementCounter.count();
            PreparedStatement ps = c.prepareStatement(jdbc, generatedKeys);
            try {
                bindFrom(ps, 1);
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

    /**
     * A single-row read asked ahead ({@link Run#ahead}): its first row, mapped, once a statement of the
     * transaction has carried it, or run on its own when {@link #get()} finds that none has.
     */
    public static final class Ahead<T> {

        private final Run run;
        private final RowMapper<T> mapper;
        private Optional<T> result; // null: not read yet

        private Ahead(Run run, RowMapper<T> mapper) {
            this.run = run;
            this.mapper = mapper;
        }

        /** The first row, mapped; empty when there is none. */
        public Optional<T> get() {
            if (result == null) {
                DeferredStatements pending = run.tx.deferred();
                if (pending != null) {
                    pending.withdraw(this);
                }
                result = run.one(mapper);
            }
            return result;
        }

        Run run() {
            return run;
        }

        /** Takes the result the packet that carried this read sent back. */
        void arrive(ResultSet rs) throws SQLException {
            try (rs) {
                result = rs.next() ? Optional.of(mapper.map(new Row(rs))) : Optional.empty();
            }
        }
    }
}
