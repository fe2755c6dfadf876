package io.sessiongate.server.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.api.rescue.SessionTable;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.rescue.SessionQueryService;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestDatabase;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * getSession_v3 from the database to the table and back: values holding the table's separators
 * ({@code |} and line breaks) cannot break a row; the start time is in the vendor's format.
 */
class SessionTableRoundTripTest {

    @Test
    void pipesAndLineBreaksInValuesCannotBreakTheTable() {
        Database db = TestDatabase.get().database();
        CoreServices core = new CoreServices(db, Clock.systemUTC(), TestAccounts.FAST_HASHER);
        TestAccount a = new TestAccounts(db, Clock.systemUTC()).create(1);
        long session = a.sessionIds().get(0);
        db.doInTransaction(s -> s.createNativeMutationQuery(
                "UPDATE support_session SET custom_field0 = 'a|b\\nc', custom_field5 = 'x\\r\\ny' WHERE id = :id")
                .setParameter("id", session).executeUpdate());
        Credentials admin = Credentials.cookie(core.logins().login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD, null,
                null).cookieToken());
        assertThat(core.transfers().transfer(admin, new TransferRequest(Long.toString(session),
                Long.toString(a.channelId()), "CHANNEL", "line one\nline|two"))).isEqualTo(TransferSessionResult.OK);

        SessionQueryService.Sessions found = core.sessionQueries().sessions(admin, Long.toString(a.channelId()),
                "CHANNEL");
        assertThat(found.result()).isEqualTo(GetSessionResult.OK);
        String table = SessionTable.render(RescueViews.rows(found.sessions()));
        List<SessionRow> parsed = SessionTable.parse(table);

        assertThat(table.split("\n")).hasSize(2);
        assertThat(parsed).hasSize(1);
        SessionRow row = parsed.get(0);
        assertThat(row.id()).isEqualTo(session);
        assertThat(row.status()).isEqualTo("Waiting");
        assertThat(row.customFields()).containsExactly("a/b c", "", "", "", "", "x  y");
        assertThat(row.transferredComment()).isEqualTo("line one line/two");
        assertThat(row.transferredTo()).isEqualTo("Channel");
        assertThat(row.startTime()).matches("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M");
        assertThat(row.technicianId()).isNull();
    }
}
