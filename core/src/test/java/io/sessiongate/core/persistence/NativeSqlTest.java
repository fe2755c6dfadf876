package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.core.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Named native statements: parsed once, run over the transaction's connection, rows read by column name, counted. */
class NativeSqlTest {

    private final Database db = TestDatabase.get().database();

    @Test
    void namedParametersBecomeJdbcPlaceholdersInOrderOutsideQuotes() {
        NativeSql sql = NativeSql.of("SELECT ':not' , a FROM t WHERE x = :x AND y > :cutoff AND z = :x AND w::int");
        assertThat(sql.jdbc()).isEqualTo("SELECT ':not' , a FROM t WHERE x = ? AND y > ? AND z = ? AND w::int");
        assertThat(sql.names()).containsExactly("x", "cutoff", "x");
        List<Long> bound = db.inTransaction(s -> NativeSql.of("SELECT :x AS a, :cutoff AS b, :x AS c").on(Tx.of(s))
                .set("x", 1).set("cutoff", 2).one(r -> List.of(r.getLong("a"), r.getLong("b"), r.getLong("c"))))
                .orElseThrow();
        assertThat(bound).containsExactly(1L, 2L, 1L);
    }

    @Test
    void aRunOnAPlainConnectionTranslatesFailures() throws java.sql.SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            Optional<Long> seven = NativeSql.of("SELECT :a AS seven").on(Tx.of(c)).set("a", 7)
                    .one(r -> r.getLong("seven"));
            assertThat(seven).contains(7L);
            assertThatThrownBy(() -> NativeSql.of("SELECT * FROM no_such_table WHERE 1 = :a").on(Tx.of(c)).set("a", 1)
                    .one(r -> r.getLong(1 + "")))
                    .isInstanceOf(DataAccessException.class);
            c.rollback();
        }
    }

    @Test
    void columnsAreReadByNameWhateverTheirOrder() {
        record Pair(String name, Long value) {
        }
        List<Pair> rows = db.inTransaction(s -> NativeSql.of(
                        "SELECT 'b' AS name, NULL AS value UNION ALL SELECT 'a', 2 ORDER BY name").on(Tx.of(s))
                .list(r -> new Pair(r.getString("name"), r.getLong("value"))));
        assertThat(rows).containsExactly(new Pair("a", 2L), new Pair("b", null));
    }

    @Test
    void aRunBindsEveryOccurrenceWritesInstantsInUtcAndCountsOneStatement() {
        NativeSql sql = NativeSql.of("SELECT :n + :n AS sum, CAST(:at AS DATETIME) = '2026-01-02 03:04:05' AS utc,"
                + " :missing IS NULL AS missing, CAST(:at AS DATETIME(3)) AS at");
        List<Object> row = db.inTransaction(s -> {
            StatementCounter.reset();
            List<Object> r = sql.on(Tx.of(s)).set("n", 21).set("at", Instant.parse("2026-01-02T03:04:05Z"))
                    .set("missing", null)
                    .one(x -> List.<Object>of(x.getLong("sum"), x.getBoolean("utc"), x.getBoolean("missing"),
                            x.getInstant("at")))
                    .orElseThrow();
            assertThat(StatementCounter.current()).isEqualTo(1);
            return r;
        });
        assertThat(row).containsExactly(42L, true, true, Instant.parse("2026-01-02T03:04:05Z"));
        Optional<Long> none = db.inTransaction(s -> NativeSql.of("SELECT 1 AS one FROM DUAL WHERE 1 = :x")
                .on(Tx.of(s)).set("x", 2).one(r -> r.getLong("one")));
        assertThat(none).isEmpty();
    }

    @Test
    void aParameterLeftUnsetOrUnknownIsAProgrammingErrorNotAQuery() {
        NativeSql sql = NativeSql.of("SELECT :a, :b");
        assertThatThrownBy(() -> db.inTransaction(s -> sql.on(Tx.of(s)).set("a", 1).one(r -> 1)))
                .hasStackTraceContaining("no value for :b");
        assertThatThrownBy(() -> db.inTransaction(s -> sql.on(Tx.of(s)).set("c", 1)))
                .hasStackTraceContaining("no parameter :c");
    }
}
