package io.sessiongate.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.persistence.DataAccessException;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A provisioned account is ready to use: its hierarchy starts at one root with the three
 * organisation nodes, and its master administrator logs in and acts on the whole account,
 * groups made after the login included.
 */
class AccountProvisioningTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final CoreFixture fx = CoreFixture.on(Clock.systemUTC());

    private String siteKey() {
        return "prov" + ProcessHandle.current().pid() + "x" + SEQ.incrementAndGet();
    }

    @Test
    void aNewAccountHasOneRootAndTheThreeOrganisationNodesBeneathIt() {
        String site = siteKey();
        var made = fx.core().accounts().provision(site, "Acme Support", "owner@" + site + ".example", "Olive Owner",
                "a long enough password");

        List<Object[]> nodes = fx.db().inTransaction(s -> s.createNativeQuery(
                "SELECT id, kind, parent_id, name FROM node WHERE account_id = :a ORDER BY id", Object[].class)
                .setParameter("a", made.accountId()).getResultList());
        assertThat(nodes).extracting(n -> n[1]).containsExactly("ROOT", "MASTER_ADMINISTRATORS", "ADMINISTRATORS",
                "TECHNICIANS", "MASTER_ADMINISTRATOR");
        assertThat(nodes.get(0)[0]).isEqualTo(made.rootNodeId());
        assertThat(nodes.get(0)[2]).isNull();
        assertThat(nodes.get(0)[3]).isEqualTo("Acme Support");
        assertThat(nodes.subList(1, 4)).allSatisfy(n -> assertThat(n[2]).isEqualTo(made.rootNodeId()));
        assertThat(nodes.get(4)[0]).isEqualTo(made.masterNodeId());
        assertThat(nodes.get(4)[2]).isEqualTo(nodes.get(1)[0]);
        assertThat(nodes.get(4)[3]).isEqualTo("Olive Owner");

        List<Object[]> roles = fx.db().inTransaction(s -> s.createNativeQuery(
                "SELECT name, kind, anonymous FROM role WHERE account_id = :a ORDER BY priority DESC", Object[].class)
                .setParameter("a", made.accountId()).getResultList());
        assertThat(roles).extracting(r -> r[0] + "/" + r[1] + "/" + r[2]).containsExactly(
                "Master Administrator/MASTER_ADMINISTRATOR/false", "Administrator/ADMINISTRATOR/false",
                "Technician/TECHNICIAN/false", "Anonymous/TECHNICIAN/true");
        String event = fx.db().inTransaction(s -> s.createNativeQuery(
                "SELECT CONCAT(object_type, ' ', action) FROM event WHERE account_id = :a", String.class)
                .setParameter("a", made.accountId()).getSingleResult());
        assertThat(event).isEqualTo("ACCOUNT CREATED");
    }

    @Test
    void theMasterAdministratorActsInAGroupMadeAfterTheirLogin() {
        String site = siteKey();
        String email = "owner@" + site + ".example";
        var made = fx.core().accounts().provision(site, "Acme", email, "Olive Owner", "a long enough password");
        Credentials owner = fx.cookieOf(email, "a long enough password");

        // made after the login: no folder-list snapshot can hold it
        AccountService accounts = fx.core().accounts();
        Node group = accounts.createNode(null, made.accountId(), NodeKind.TECHNICIAN_GROUP, null, "Late Group");
        Node tech = accounts.createNode(null, made.accountId(), NodeKind.TECHNICIAN, group.getId(), "Late Tech");
        Node channel = accounts.createNode(null, made.accountId(), NodeKind.CHANNEL, null, "Late Channel");
        accounts.assignChannel(channel.getId(), Set.of(group.getId()));
        accounts.createUser(made.accountId(), "late@" + site + ".example", "Late Tech", "late tech password", null,
                tech.getId(), Set.of());
        fx.core().presence().heartbeat(tech.getId(), PresenceStatus.ONLINE);
        Long session = fx.accounts().createWaitingSession(made.accountId(), channel.getId());

        assertThat(fx.core().transfers().transfer(owner, new TransferRequest(session.toString(),
                tech.getId().toString(), "NODE", "yours"))).isEqualTo(TransferSessionResult.OK);
    }

    @Test
    void anotherAccountsSessionStaysOutOfTheMasterAdministratorsReach() {
        String site = siteKey();
        String email = "owner@" + site + ".example";
        fx.core().accounts().provision(site, "Acme", email, "Olive Owner", "a long enough password");
        var elsewhere = fx.accounts().create(1);

        assertThat(fx.core().transfers().transfer(fx.cookieOf(email, "a long enough password"),
                new TransferRequest(elsewhere.sessionIds().get(0).toString(), elsewhere.onlineTechNodeId().toString(),
                        "NODE", null))).isEqualTo(TransferSessionResult.INVALID_PARAM_NODE);
    }

    @Test
    void anAccountHasOneRootAndOnlyTheRootHangsNowhere() {
        var account = fx.accounts().create(0);
        assertThatThrownBy(() -> fx.core().accounts().createNode(null, account.accountId(), NodeKind.ROOT, null,
                "Second root")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> fx.db().doInTransaction(s -> s.createNativeQuery(
                "INSERT INTO node (id, account_id, kind, parent_id, name, created_at) "
                        + "VALUES (NEXTVAL(node_seq), :a, 'TECHNICIAN_GROUP', NULL, 'Orphan', NOW(3))")
                .setParameter("a", account.accountId()).executeUpdate())).isInstanceOf(DataAccessException.class);
    }
}
