package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestDatabase;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uniqueness is the database's job; a duplicate surfaces as the project's own exception. */
class ConstraintTest {

    private static Database db;
    private static AccountService accounts;
    private static TestAccount account;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.get().database();
        TestAccounts fixtures = new TestAccounts(db, Clock.systemUTC());
        accounts = fixtures.accounts();
        account = fixtures.create(0);
    }

    @Test
    void duplicateSiteKeyIsRejected() {
        assertThatThrownBy(() -> accounts.createAccount(account.siteKey(), "Copy"))
                .isInstanceOf(DataAccessException.DuplicateEntry.class);
    }

    @Test
    void duplicateEmailWithinAnAccountIsRejectedCaseInsensitively() {
        assertThatThrownBy(() -> accounts.createUser(account.accountId(), account.adminEmail().toUpperCase(),
                "Copy", "pw", null, null, Set.of()))
                .isInstanceOf(DataAccessException.DuplicateEntry.class);
    }

    @Test
    void sameEmailInAnotherAccountIsAllowed() {
        Long other = accounts.createAccount("dup-" + account.siteKey(), "Other").getId();
        assertThat(accounts.createUser(other, account.adminEmail(), "Twin", "pw", null, null, Set.of()).getId())
                .isNotNull();
    }

    @Test
    void duplicateNodeIdIsRejectedAcrossAccounts() {
        Long other = accounts.createAccount("node-" + account.siteKey(), "Other").getId();
        assertThatThrownBy(() -> accounts.createNode(account.onlineTechNodeId(), other, NodeKind.TECHNICIAN, null, "Twin"))
                .isInstanceOf(DataAccessException.DuplicateEntry.class);
    }

    @Test
    void nodeIdsFromTheSequenceAreUnique() {
        Long a = accounts.createNode(null, account.accountId(), NodeKind.CHANNEL, null, "A").getId();
        Long b = accounts.createNode(null, account.accountId(), NodeKind.CHANNEL, null, "B").getId();
        assertThat(b).isNotEqualTo(a);
    }
}
