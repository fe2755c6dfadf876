package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes nobody reads back ride the transaction's next round trip: in front of its next statement, or
 * with its COMMIT; in order, all or nothing, and the driver then sends no COMMIT of its own. Reads asked
 * ahead ride behind the next statement, or run on their own when nothing carried them.
 */
class DeferredStatementsTest {

    private static final Database DB = TestDatabase.get().database();
    private static final NativeSql INSERT = NativeSql.of("INSERT INTO deferred_probe (id, label) VALUES (:id, :label)");
    private static final NativeSql LABELS = NativeSql.of(
            "SELECT COALESCE(GROUP_CONCAT(label ORDER BY id), '') AS labels FROM deferred_probe");

    @BeforeAll
    static void table() throws SQLException {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS deferred_probe (id INT PRIMARY KEY, label VARCHAR(10) NOT NULL)");
            c.commit();
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE IF EXISTS deferred_probe");
            c.commit();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM deferred_probe");
            c.commit();
        }
    }

    @Test
    void deferredWritesTravelWithTheNextStatementInOrderAndWithTheCommit() {
        StatementCounter.reset();
        String seenInside = DB.inTransaction(s -> {
            Tx tx = Tx.of(s);
            INSERT.on(tx).set("id", 1).set("label", "a").defer();
            INSERT.on(tx).set("id", 2).set("label", "b").defer();
            assertThat(StatementCounter.roundTrips()).as("nothing sent yet").isZero();
            String labels = LABELS.on(tx).one(r -> r.getString("labels")).orElseThrow();
            INSERT.on(tx).set("id", 3).set("label", "c").defer();
            return labels;
        });
        assertThat(seenInside).as("the read after them sees them").isEqualTo("a,b");
        assertThat(StatementCounter.current()).as("statements").isEqualTo(4);
        assertThat(StatementCounter.roundTrips()).as("the read with two writes, the last write with the COMMIT")
                .isEqualTo(2);
        assertThat(labels()).isEqualTo("a,b,c");
    }

    @Test
    void aFailingDeferredWriteFailsItsTransactionAndLeavesNothingWritten() {
        assertThatThrownBy(() -> DB.doInTransaction(s -> {
            Tx tx = Tx.of(s);
            INSERT.on(tx).set("id", 7).set("label", "sent").update();
            INSERT.on(tx).set("id", 8).set("label", "first").defer();
            INSERT.on(tx).set("id", 8).set("label", "twice").defer(); // a duplicate key, found at the COMMIT
        })).isInstanceOf(DataAccessException.class);
        assertThat(labels()).as("neither the statement sent before nor the deferred ones").isEmpty();

        assertThatThrownBy(() -> DB.doInTransaction(s -> {
            Tx tx = Tx.of(s);
            INSERT.on(tx).set("id", 9).set("label", "x").defer();
            INSERT.on(tx).set("id", 9).set("label", "y").defer();
            LABELS.on(tx).one(r -> r.getString("labels")); // carries them, and fails with them
        })).isInstanceOf(DataAccessException.class);
        assertThat(labels()).isEmpty();
    }

    @Test
    void aReadAheadTravelsBehindTheNextStatementAndSeesWhatWentInFrontOfIt() {
        StatementCounter.reset();
        List<String> seen = DB.inTransaction(s -> {
            Tx tx = Tx.of(s);
            INSERT.on(tx).set("id", 1).set("label", "a").defer();
            NativeSql.Ahead<String> ahead = LABELS.on(tx).ahead(r -> r.getString("labels"));
            assertThat(StatementCounter.roundTrips()).as("nothing sent yet").isZero();
            int changed = INSERT.on(tx).set("id", 2).set("label", "b").update(); // the carrier
            assertThat(StatementCounter.roundTrips()).as("the write, the carrier and the read in one packet")
                    .isEqualTo(1);
            String labels = ahead.get().orElseThrow();
            assertThat(StatementCounter.roundTrips()).as("its result came with the packet").isEqualTo(1);
            return List.of(Integer.toString(changed), labels);
        });
        assertThat(seen).as("the carrier's own count, then the read after both writes").containsExactly("1", "a,b");
        assertThat(StatementCounter.current()).as("statements").isEqualTo(3);
        assertThat(StatementCounter.roundTrips()).as("and the driver's COMMIT").isEqualTo(2);
    }

    @Test
    void aReadAheadNothingCarriedRunsWhenWantedAndOneNeverWantedIsNeverSent() {
        StatementCounter.reset();
        String labels = DB.inTransaction(s -> {
            Tx tx = Tx.of(s);
            INSERT.on(tx).set("id", 1).set("label", "a").defer();
            NativeSql.Ahead<String> wanted = LABELS.on(tx).ahead(r -> r.getString("labels"));
            return wanted.get().orElseThrow();
        });
        assertThat(labels).as("it carried the deferred write itself").isEqualTo("a");
        assertThat(StatementCounter.current()).isEqualTo(2);
        assertThat(StatementCounter.roundTrips()).as("the write with the read; the COMMIT").isEqualTo(2);

        StatementCounter.reset();
        DB.doInTransaction(s -> {
            Tx tx = Tx.of(s);
            LABELS.on(tx).ahead(r -> r.getString("labels"));
            INSERT.on(tx).set("id", 2).set("label", "b").defer();
        });
        assertThat(StatementCounter.current()).as("the write; the unwanted read is not sent").isEqualTo(1);
        assertThat(StatementCounter.roundTrips()).as("the write with the COMMIT").isEqualTo(1);
        assertThat(labels()).isEqualTo("a,b");
    }

    @Test
    void aReadAheadFindingNoRowIsEmptyAndOnAPlainConnectionItRunsWhenWanted() throws SQLException {
        NativeSql one = NativeSql.of("SELECT label FROM deferred_probe WHERE id = :id");
        Optional<String> none = DB.inTransaction(s -> {
            Tx tx = Tx.of(s);
            NativeSql.Ahead<String> ahead = one.on(tx).set("id", 42).ahead(r -> r.getString("label"));
            LABELS.on(tx).one(r -> r.getString("labels"));
            return ahead.get();
        });
        assertThat(none).isEmpty();

        try (Connection c = DB.dataSource().getConnection()) {
            Tx plain = Tx.of(c);
            NativeSql.Ahead<String> ahead = LABELS.on(plain).ahead(r -> r.getString("labels"));
            INSERT.on(plain).set("id", 5).set("label", "later").update();
            assertThat(ahead.get()).as("run when wanted, after the insert").contains("later");
            c.rollback();
        }
    }

    @Test
    void onAPlainConnectionAWriteIsSentAtOnceUnlessTheTransactionDefers() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            Tx plain = Tx.of(c);
            INSERT.on(plain).set("id", 1).set("label", "now").defer();
            assertThat(countOn(c)).isEqualTo(1);
            c.rollback();

            long commitsBefore = commits(c);
            Tx deferring = Tx.deferring(c);
            StatementCounter.reset();
            INSERT.on(deferring).set("id", 2).set("label", "later").defer();
            deferring.commit();
            assertThat(StatementCounter.roundTrips()).isEqualTo(1);
            assertThat(commits(c) - commitsBefore).as("one COMMIT, in the packet; none of the driver's")
                    .isEqualTo(1);
            c.commit();
        }
        assertThat(labels()).isEqualTo("later");
    }

    private static long countOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM deferred_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long commits(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_commit'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static String labels() {
        return DB.inTransaction(s -> LABELS.on(Tx.of(s)).one(r -> r.getString("labels")).orElseThrow());
    }
}
