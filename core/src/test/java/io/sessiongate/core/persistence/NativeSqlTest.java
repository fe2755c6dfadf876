package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.core.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Named native statements: parsed once, run over the session's connection, counted. */
class NativeSqlTest {

    private final Database db = TestDatabase.get().database();

    @Test
    void namedParametersBecomeJdbcPlaceholdersInOrderOutsideQuotes() {
        NativeSql sql = NativeSql.of("SELECT ':not' , a FROM t WHERE x = :x AND y > :cutoff AND z = :x AND w::int");
        assertThat(sql.jdbc()).isEqualTo("SELECT ':not' , a FROM t WHERE x = ? AND y > ? AND z = ? AND w::int");
        assertThat(sql.names()).containsExactly("x", "cutoff", "x");
        Object[] bound = db.inTransaction(s -> NativeSql.of("SELECT :x, :cutoff, :x").on(s).set("x", 1).set("cutoff", 2)
                .one());
        assertThat(bound).extracting(v -> ((Number) v).intValue()).containsExactly(1, 2, 1);
    }

    @Test
    void aRunOnAPlainConnectionTranslatesFailures() throws java.sql.SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            Object[] row = NativeSql.of("SELECT :a").on(c).set("a", 7).one();
            assertThat(((Number) row[0]).intValue()).isEqualTo(7);
            assertThatThrownBy(() -> NativeSql.of("SELECT * FROM no_such_table WHERE 1 = :a").on(c).set("a", 1).one())
                    .isInstanceOf(DataAccessException.class);
            c.rollback();
        }
    }

    @Test
    void aRunBindsEveryOccurrenceWritesInstantsInUtcAndCountsOneStatement() {
        NativeSql sql = NativeSql.of("SELECT :n + :n, CAST(:at AS DATETIME) = '2026-01-02 03:04:05', :missing IS NULL");
        Object[] row = db.inTransaction(s -> {
            StatementCounter.reset();
            Object[] r = sql.on(s).set("n", 21).set("at", Instant.parse("2026-01-02T03:04:05Z")).set("missing", null)
                    .one();
            assertThat(StatementCounter.current()).isEqualTo(1);
            return r;
        });
        assertThat(((Number) row[0]).intValue()).isEqualTo(42);
        assertThat(NativeRows.toBoolean(row[1])).isTrue();
        assertThat(NativeRows.toBoolean(row[2])).isTrue();
        Object[] none = db.inTransaction(s -> NativeSql.of("SELECT 1 FROM DUAL WHERE 1 = :x").on(s).set("x", 2).one());
        assertThat(none).isNull();
    }

    @Test
    void aParameterLeftUnsetOrUnknownIsAProgrammingErrorNotAQuery() {
        NativeSql sql = NativeSql.of("SELECT :a, :b");
        assertThatThrownBy(() -> db.inTransaction(s -> sql.on(s).set("a", 1).one()))
                .hasStackTraceContaining("no value for :b");
        assertThatThrownBy(() -> db.inTransaction(s -> sql.on(s).set("c", 1)))
                .hasStackTraceContaining("no parameter :c");
    }
}
