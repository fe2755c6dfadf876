package io.sessiongate.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Loading the demo data again, as every restart does, leaves exactly one copy. */
class DemoDataTest {

    @Test
    void loadingTwiceLeavesOneCopy() {
        Database db = TestDatabase.get().database();
        DemoData demo = new DemoData(db, TestAccounts.FAST_HASHER, Clock.systemUTC(), new TestAccounts(db,
                Clock.systemUTC()).accounts(), new io.sessiongate.core.rescue.SupportSessionRepository());
        demo.load();
        assertThat(demo.load()).isZero();

        assertThat(count(db, "select count(*) from Account where siteKey in ('demo', 'other')")).isEqualTo(2);
        assertThat(count(db, "select count(*) from User where email = 'admin@demo.example'")).isEqualTo(1);
        long sessions = db.inTransaction(s -> s.createNativeQuery(
                "select count(*) from support_session where id in (5001, 5002, 5003, 9501)", Long.class)
                .getSingleResult());
        assertThat(sessions).isEqualTo(4);
        assertThat(count(db, "select count(*) from Node where id in (2001, 2002, 3001, 9001)")).isEqualTo(4);
        assertThat(count(db, "select count(*) from Node n where n.kind = ROOT and n.accountId in "
                + "(select a.id from Account a where a.siteKey in ('demo', 'other'))")).isEqualTo(2);
    }

    @Test
    void theDemoAccountShowsEveryLiveStatusOnAFreshStart() {
        Database db = TestDatabase.get().database();
        io.sessiongate.core.testing.CoreFixture.on(Clock.systemUTC()).core().demoData().load();
        String rows = db.inTransaction(s -> s.createNativeQuery("SELECT GROUP_CONCAT(CONCAT_WS(' ', id, status,"
                + " IFNULL(technician_node_id, '-'), channel_node_id, IFNULL(picked_up_by_node_id, '-')) ORDER BY id"
                + " SEPARATOR ', ') FROM support_session WHERE id IN (5004, 5005, 5006)", String.class).getSingleResult());
        assertThat(rows).isEqualTo("5004 WAITING - 3002 -, 5005 ACTIVE 2001 3001 2001, 5006 ON_HOLD 2001 3001 2001");
        long served = db.inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM channel_assignment"
                + " WHERE channel_id = 3002 AND group_id = 1001", Long.class).getSingleResult());
        assertThat(served).as("the second channel serves the technician group").isEqualTo(1L);
    }

    private static long count(Database db, String hql) {
        return db.inTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }
}
