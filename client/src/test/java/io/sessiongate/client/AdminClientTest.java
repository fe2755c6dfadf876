package io.sessiongate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.api.admin.AccountCreated;
import io.sessiongate.api.admin.AccountPatch;
import io.sessiongate.api.admin.CreateAccount;
import io.sessiongate.api.admin.CreateApiToken;
import io.sessiongate.api.admin.CreateSupportSession;
import io.sessiongate.api.admin.EventView;
import io.sessiongate.api.admin.SupportSessionView;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** client.admin() against the real server: values for refusals, streams over the pages, idempotent creation. */
class AdminClientTest {

    private final TestServer server = TestServer.get();

    private SessionGateClient client(String bearer) {
        SessionGateClient.Builder b = SessionGateClient.builder(server.baseUri().toString())
                .requestTimeout(Duration.ofSeconds(20));
        return (bearer == null ? b : b.bearerToken(bearer)).build();
    }

    private AccountCreated newAccount(String key) {
        String site = "cl" + System.nanoTime();
        AdminResult<AccountCreated> made = client(TestServer.OPERATOR_TOKEN).admin().createAccount(new CreateAccount(
                site, "Client " + site, new CreateAccount.MasterAdministrator("owner@" + site + ".example", "Owner",
                "client-password")), key);
        assertThat(made.isOk()).as(made.toString()).isTrue();
        return made.orThrow();
    }

    @Test
    void theOperatorCreatesAnAccountOnceWhateverTheRetries() {
        String key = "client-" + System.nanoTime();
        String site = "once" + System.nanoTime();
        CreateAccount request = new CreateAccount(site, "Once", new CreateAccount.MasterAdministrator(
                "owner@" + site + ".example", "Owner", "client-password"));
        AdminApi operator = client(TestServer.OPERATOR_TOKEN).admin();
        AdminResult<AccountCreated> first = operator.createAccount(request, key);
        AdminResult<AccountCreated> retry = operator.createAccount(request, key);
        assertThat(retry).isInstanceOf(AdminResult.Ok.class);
        assertThat(((AdminResult.Ok<AccountCreated>) retry).replayed()).isTrue();
        assertThat(retry.orThrow()).isEqualTo(first.orThrow());
        AdminResult<AccountCreated> taken = operator.createAccount(request, null);
        assertThat(taken.refusal()).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo("SITE_KEY_TAKEN");
        });
        assertThat(operator.accounts().map(a -> a.siteKey())).contains(site, "demo");
        AdminResult<?> noCredentials = client(null).admin().accountPage(null, null);
        assertThat(noCredentials.refusal().orElseThrow().status()).isEqualTo(401);
    }

    @Test
    void anAccountsTokenDrivesItsSettingsAndSessionsWithProblemsAsValues() {
        AccountCreated made = newAccount(null);
        String site = made.account().siteKey();
        AdminApi admin = client(made.apiToken().token()).admin();
        AdminResult<io.sessiongate.api.admin.AccountView> read = admin.account(site);
        String etag = read.etagOf().orElseThrow();
        assertThat(admin.patchAccount(site, etag, new AccountPatch("Renamed", null, null, null, null)).orThrow().name())
                .isEqualTo("Renamed");
        assertThat(admin.patchAccount(site, etag, new AccountPatch("Again", null, null, null, null)).refusal()
                .orElseThrow().status()).isEqualTo(412);

        long accountId = server.accounts().accounts().findBySiteKey(site).orElseThrow().getId();
        Node group = server.accounts().accounts().createNode(null, accountId, NodeKind.TECHNICIAN_GROUP, null, "G");
        Node channel = server.accounts().accounts().createNode(null, accountId, NodeKind.CHANNEL, null, "C");
        server.accounts().accounts().assignChannel(channel.getId(), java.util.Set.of(group.getId()));
        for (int i = 0; i < 3; i++) {
            assertThat(admin.createSupportSession(site, new CreateSupportSession(null, channel.getId(), "Customer " + i,
                    null, null, null, null), null).orThrow().status()).isEqualTo("WAITING");
        }
        List<SupportSessionView> all = admin.supportSessions(site, "WAITING", null, channel.getId()).toList();
        assertThat(all).extracting(SupportSessionView::customFields).extracting(f -> f.get(0))
                .containsExactly("Customer 0", "Customer 1", "Customer 2");
        long id = all.get(0).id();
        AdminResult<SupportSessionView> hold = admin.hold(site, id);
        assertThat(hold.refusal().orElseThrow().code()).isEqualTo("ACTIONFAILED");
        assertThat(admin.close(site, id).orThrow().status()).isEqualTo("CLOSED_BY_TECHNICIAN");
        assertThat(admin.supportSession(site, id).orThrow().transfers()).isEmpty();
        assertThat(admin.events(site, "SUPPORT_SESSION", id).map(EventView::action)).containsExactly("CREATED", "CLOSED");
        assertThatThrownBy(() -> client(made.apiToken().token()).admin().events("not-mine", null, null).toList())
                .isInstanceOfSatisfying(SessionGateException.ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(404));
    }

    @Test
    void aLoggedInMasterAdministratorUsesTheCookieAndTheClientCarriesTheCsrfToken() {
        AccountCreated made = newAccount(null);
        String site = made.account().siteKey();
        SessionGateClient page = client(null);
        assertThat(page.rescue().login("owner@" + site + ".example", "client-password")).isEqualTo(LoginResult.OK);
        assertThat(page.admin().session().orThrow().csrfToken()).matches("[0-9a-f]{64}");
        AdminResult<io.sessiongate.api.admin.ApiTokenCreated> token = page.admin().createApiToken(site,
                new CreateApiToken("from the cookie", null), null);
        assertThat(token.orThrow().token()).startsWith("sgk_");
        assertThat(page.admin().apiTokens(site).map(t -> t.name())).containsExactly("Initial token", "from the cookie");
        assertThat(page.admin().revokeApiToken(site, token.orThrow().id()).orThrow().revokedAt()).isNotNull();
        assertThat(page.admin().webSessions(site, "ACTIVE", made.masterUserId()).count()).isEqualTo(1);
    }
}
