package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.core.persistence.TransactionRetry.Cause;
import io.sessiongate.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole-transaction retry: what is tried again, what never is, on a real MariaDB. */
class TransactionRetryTest {

    private static Database db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestDatabase.get().database();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS retry_probe (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB");
            c.commit();
        }
    }

    @Test
    void classifiesWhatTheDatabaseAbortedAndNothingElse() {
        assertThat(TransactionRetry.causeOf(new RuntimeException(new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213))))
                .isEqualTo(Cause.CONFLICT);
        assertThat(TransactionRetry.causeOf(new SQLException("WSREP has not yet prepared node", "08S01", 1047)))
                .isEqualTo(Cause.NODE_NOT_READY);
        assertThat(TransactionRetry.causeOf(new SQLNonTransientConnectionException("socket closed", "08000")))
                .isEqualTo(Cause.CONNECTION);
        assertThat(TransactionRetry.causeOf(new SQLTransientConnectionException(
                "Driver has reconnect connection after a communications link failure with address=(host=h1). "
                        + "In progress transaction was lost", "25S03")))
                .isEqualTo(Cause.CONNECTION);
        // the pool already waited its whole timeout: not tried again
        assertThat(TransactionRetry.causeOf(new SQLTransientConnectionException(
                "sessiongate - Connection is not available, request timed out after 3000ms", "08000"))).isNull();
        assertThat(TransactionRetry.causeOf(new SQLException("Duplicate entry", "23000", 1062))).isNull();
        assertThat(TransactionRetry.causeOf(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isNull();
        assertThat(TransactionRetry.causeOf(new IllegalStateException("a bug"))).isNull();
        assertThat(TransactionRetry.causeOf(new TransactionRetry.CommitInDoubt("in doubt",
                new RuntimeException(new SQLNonTransientConnectionException("reset", "08000"))))).isNull();
    }

    @Test
    void pausesAreRandomAndBounded() {
        for (int n = 1; n <= 10; n++) {
            assertThat(TransactionRetry.pauseMillis(Cause.CONFLICT, n)).isBetween(0L, 320L);
            assertThat(TransactionRetry.pauseMillis(Cause.CONNECTION, n)).isBetween(50L * n, 100L * n);
        }
    }

    @Test
    void aDeadlockIsTriedAgainWholeAndBothChangesAreDoneOnce() throws Exception {
        reset(1, 2);
        long before = db.retry().retries(Cause.CONFLICT);
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);
        AtomicInteger tries = new AtomicInteger();
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> db.doInTransaction(s -> {
            tries.incrementAndGet();
            increment(s, 1);
            meet(bothHoldOneRow);
            increment(s, 2);
        }));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> db.doInTransaction(s -> {
            tries.incrementAndGet();
            increment(s, 2);
            meet(bothHoldOneRow);
            increment(s, 1);
        }));
        CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

        assertThat(value(1)).as("row 1, incremented once by each").isEqualTo(2);
        assertThat(value(2)).as("row 2, incremented once by each").isEqualTo(2);
        assertThat(tries.get()).as("tries: two, and the deadlock victim's second").isEqualTo(3);
        assertThat(db.retry().retries(Cause.CONFLICT) - before).isEqualTo(1);
    }

    @Test
    void aConnectionKilledMidTransactionIsTriedAgainOnAFreshOne() throws Exception {
        reset(3);
        long before = db.retry().retries(Cause.CONNECTION);
        AtomicInteger tries = new AtomicInteger();
        db.doInTransaction(s -> {
            increment(s, 3);
            if (tries.incrementAndGet() == 1) {
                long id = s.doReturningWork(c -> {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                kill(id);
            }
            increment(s, 3);
        });
        assertThat(tries.get()).isEqualTo(2);
        assertThat(value(3)).as("the first try's increment was rolled back with its connection").isEqualTo(2);
        assertThat(db.retry().retries(Cause.CONNECTION) - before).isEqualTo(1);
    }

    @Test
    void aBusinessFailureOrABugIsNeverTriedAgain() {
        reset(4);
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> db.doInTransaction(s -> {
            tries.incrementAndGet();
            s.createNativeMutationQuery("INSERT INTO retry_probe (id, n) VALUES (4, 0)").executeUpdate();
        })).isInstanceOf(DataAccessException.DuplicateEntry.class);
        assertThat(tries.get()).isEqualTo(1);

        assertThatThrownBy(() -> db.doInTransaction(s -> {
            tries.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).isInstanceOf(DataAccessException.Failure.class);
        assertThat(tries.get()).isEqualTo(2);

        String outcome = db.inTransaction(s -> {
            tries.incrementAndGet();
            return "a business outcome";
        });
        assertThat(outcome).isEqualTo("a business outcome");
        assertThat(tries.get()).isEqualTo(3);
    }

    @Test
    void retriesAreBoundedAndThenTheFailureIsReported() {
        AtomicInteger tries = new AtomicInteger();
        TransactionRetry retry = new TransactionRetry(3, 10_000, () -> { });
        assertThatThrownBy(() -> retry.run(() -> {
            tries.incrementAndGet();
            throw new RuntimeException(new SQLTransactionRollbackException("Deadlock", "40001", 1213));
        })).hasRootCauseInstanceOf(SQLTransactionRollbackException.class);
        assertThat(tries.get()).isEqualTo(3);
        assertThat(retry.retries(Cause.CONFLICT)).isEqualTo(2);
    }

    @Test
    void onAClusterADuplicatePrimaryKeyIsTriedAgainAFewTimesAndElsewhereNot() {
        AtomicInteger tries = new AtomicInteger();
        RuntimeException clash = new RuntimeException(new SQLIntegrityConstraintViolationException(
                "(conn=13) Duplicate entry '2163' for key 'PRIMARY'", "23000", 1062));
        TransactionRetry cluster = new TransactionRetry(30, 10_000, true, () -> { });
        assertThat(cluster.run(() -> {
            if (tries.incrementAndGet() == 1) {
                throw clash; // the cluster changed size under the insert
            }
            return "inserted";
        })).isEqualTo("inserted");
        assertThat(cluster.retries(Cause.KEY_CLASH)).isEqualTo(1);

        tries.set(0);
        assertThatThrownBy(() -> cluster.run(() -> {
            tries.incrementAndGet();
            throw clash; // a key given explicitly clashes every time
        })).isSameAs(clash);
        assertThat(tries.get()).isEqualTo(TransactionRetry.KEY_CLASH_TRIES);

        tries.set(0);
        RuntimeException unique = new RuntimeException(new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'acme' for key 'uk_account_site_key'", "23000", 1062));
        assertThatThrownBy(() -> cluster.run(() -> {
            tries.incrementAndGet();
            throw unique;
        })).isSameAs(unique);
        assertThat(tries.get()).as("another key's duplicate is the business's").isEqualTo(1);

        tries.set(0);
        TransactionRetry single = new TransactionRetry(30, 10_000, false, () -> { });
        assertThatThrownBy(() -> single.run(() -> {
            tries.incrementAndGet();
            throw clash;
        })).isSameAs(clash);
        assertThat(tries.get()).as("one database never draws a key twice").isEqualTo(1);
    }

    @Test
    void aCommitMarkerIsFoundOnlyWhenItsTransactionCommitted() throws SQLException {
        CommitMarker marker = new CommitMarker(db.dataSource());
        byte[] committed = db.inTransaction(marker::mark);
        byte[][] rolledBack = new byte[1][];
        assertThatThrownBy(() -> db.doInTransaction(s -> {
            rolledBack[0] = marker.mark(s);
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(DataAccessException.class);
        assertThat(marker.committed(committed, 1000)).isTrue();
        assertThat(marker.committed(rolledBack[0], 1000)).isFalse();
    }

    private static void meet(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void increment(Session s, int id) {
        s.createNativeMutationQuery("UPDATE retry_probe SET n = n + 1 WHERE id = :id").setParameter("id", id)
                .executeUpdate();
    }

    private static void reset(int... ids) {
        db.doInTransaction(s -> {
            for (int id : ids) {
                s.createNativeMutationQuery("REPLACE INTO retry_probe (id, n) VALUES (:id, 0)").setParameter("id", id)
                        .executeUpdate();
            }
        });
    }

    private static int value(int id) {
        return db.inTransaction(s -> ((Number) s.createNativeQuery("SELECT n FROM retry_probe WHERE id = :id",
                Object.class).setParameter("id", id).getSingleResult()).intValue());
    }

    private static void kill(long connectionId) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("KILL CONNECTION " + connectionId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
