package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.core.persistence.DataAccessException;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two transactions change one support session: the one that read a stale version fails. */
class SupportSessionVersionTest {

    @Test
    void secondConcurrentUpdateFailsOnItsStaleVersion() throws Exception {
        Database db = TestDatabase.get().database();
        TestAccount account = new TestAccounts(db, Clock.systemUTC()).create(1);
        Long id = account.sessionIds().get(0);
        CountDownLatch bothRead = new CountDownLatch(2);
        CountDownLatch firstCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> db.doInTransaction(s -> {
                SupportSession session = s.get(SupportSession.class, id);
                bothRead.countDown();
                await(bothRead);
                session.setTechnicianNodeId(account.onlineTechNodeId());
                session.setStatus(SupportSessionStatus.TRANSFERRING, Instant.now());
            }));
            Future<?> second = pool.submit(() -> db.doInTransaction(s -> {
                SupportSession session = s.get(SupportSession.class, id);
                bothRead.countDown();
                await(firstCommitted);
                session.setTechnicianNodeId(account.offlineTechNodeId());
                session.setStatus(SupportSessionStatus.TRANSFERRING, Instant.now());
            }));
            first.get(30, TimeUnit.SECONDS);
            firstCommitted.countDown();
            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(DataAccessException.StaleUpdate.class);
        } finally {
            pool.shutdownNow();
        }
        SupportSession after = db.inTransaction(s -> s.get(SupportSession.class, id));
        assertThat(after.getTechnicianNodeId()).isEqualTo(account.onlineTechNodeId());
        assertThat(after.getVersion()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
