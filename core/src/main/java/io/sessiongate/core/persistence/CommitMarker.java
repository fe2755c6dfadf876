package io.sessiongate.core.persistence;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Tells whether a transaction whose connection broke during COMMIT was committed. Each transaction
 * writes one row with a random key just before COMMIT; when the COMMIT's answer is lost (the node
 * died with the transaction's write set sent or not), the key is looked up on another connection
 * with a causal read ({@code wsrep_sync_wait}), which Galera answers only once the cluster has
 * settled whether that write set was delivered. Found: the transaction committed and its result
 * stands; not found: it did not, and it can be tried again. Only used on a cluster URL (several
 * hosts), where a node can die with a commit in flight and the request can still be served by
 * another; on one database an unanswered COMMIT means the database is gone anyway. Rows older than
 * an hour are pruned by every {@value #PRUNE_EVERY}th transaction.
 */
final class CommitMarker {

    static final int PRUNE_EVERY = 1000;

    private static final NativeSql MARK =
            NativeSql.of("INSERT INTO commit_marker (id, committed_at) VALUES (:id, UTC_TIMESTAMP(3))");
    private static final NativeSql PRUNE = NativeSql.of(
            "DELETE FROM commit_marker WHERE committed_at < UTC_TIMESTAMP() - INTERVAL 1 HOUR LIMIT 1000");

    private final DataSource pool;
    private final AtomicLong marks = new AtomicLong();

    CommitMarker(DataSource pool) {
        this.pool = pool;
    }

    /** Writes this transaction's marker; returns its key. */
    byte[] mark(Session s) {
        UUID u = UUID.randomUUID();
        byte[] id = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
        MARK.on(Tx.of(s)).set("id", id).update();
        if (marks.incrementAndGet() % PRUNE_EVERY == 0) {
            PRUNE.on(Tx.of(s)).update();
        }
        return id;
    }

    /**
     * Whether the transaction that wrote {@code id} committed, asked on a fresh connection; tries for up to
     * {@code patienceMillis} while the cluster is failing over.
     *
     * @throws SQLException when no answer could be had in that time
     */
    boolean committed(byte[] id, long patienceMillis) throws SQLException {
        long deadline = System.nanoTime() + patienceMillis * 1_000_000L;
        while (true) {
            try (Connection c = pool.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "SET STATEMENT wsrep_sync_wait=1 FOR SELECT 1 FROM commit_marker WHERE id = ?")) {
                ps.setBytes(1, id);
                boolean found;
                try (ResultSet rs = ps.executeQuery()) {
                    found = rs.next();
                }
                c.rollback();
                return found;
            } catch (SQLException e) {
                if (TransactionRetry.causeOf(e) == null || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
