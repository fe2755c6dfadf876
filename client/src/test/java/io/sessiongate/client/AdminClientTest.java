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

    @Test
    void theDirectoryIsAdministeredThroughTheClientWithETagsPagesAndRefusalsAsValues() {
        AccountCreated made = newAccount(null);
        String site = made.account().siteKey();
        AdminApi admin = client(made.apiToken().token()).admin();
        io.sessiongate.api.admin.HierarchyView tree = admin.hierarchy(site, null).orThrow();
        long administrators = tree.nodes().stream().filter(n -> n.kind().equals("ADMINISTRATORS")).findFirst()
                .orElseThrow().id();
        io.sessiongate.api.admin.NodeView group = admin.createGroup(site, new io.sessiongate.api.admin.CreateGroup(
                null, "TECHNICIAN_GROUP", "First line", null, null), "g-1").orThrow();
        assertThat(admin.createGroup(site, new io.sessiongate.api.admin.CreateGroup(null, "TECHNICIAN_GROUP",
                "First line", null, null), "g-1")).isInstanceOfSatisfying(AdminResult.Ok.class,
                ok -> assertThat(ok.replayed()).isTrue());
        io.sessiongate.api.admin.NodeView channel = admin.createChannel(site,
                new io.sessiongate.api.admin.CreateChannel("Support", null, null), null).orThrow();
        assertThat(admin.assignChannel(site, channel.id(), group.id()).orThrow().groupIds()).containsExactly(group.id());
        io.sessiongate.api.admin.UserView lea = admin.createUser(site, new io.sessiongate.api.admin.CreateUser(
                "lea@" + site + ".example", "Lea", "lea-password", group.id(), administrators, null, null), null)
                .orThrow();
        assertThat(lea.technicianNodeId()).isNotNull();
        assertThat(lea.administratorNodeId()).isNotNull();
        assertThat(admin.users(site, null).map(io.sessiongate.api.admin.UserView::email))
                .containsExactly("owner@" + site + ".example", "lea@" + site + ".example");

        AdminResult<io.sessiongate.api.admin.NodeView> read = admin.node(site, group.id());
        String etag = read.etagOf().orElseThrow();
        assertThat(admin.patchNode(site, group.id(), etag, new io.sessiongate.api.admin.NodePatch("Tier 1", null,
                null, null)).orThrow().name()).isEqualTo("Tier 1");
        assertThat(admin.patchNode(site, group.id(), etag, new io.sessiongate.api.admin.NodePatch("Tier 2", null,
                null, null)).refusal().orElseThrow().status()).isEqualTo(412);
        assertThat(admin.deleteNode(site, group.id()).refusal().orElseThrow().code()).isEqualTo("DELETE_NOT_EMPTY");
        String userTag = admin.user(site, lea.userId()).etagOf().orElseThrow();
        assertThat(admin.patchUser(site, lea.userId(), userTag, new io.sessiongate.api.admin.UserPatch(null, null,
                null, null, null, null, "DISABLED", null, null)).orThrow().status()).isEqualTo("DISABLED");
        assertThat(admin.unassignChannel(site, channel.id(), group.id()).orThrow().groupIds()).isEmpty();

        io.sessiongate.api.admin.FolderListView list = admin.createFolderList(site,
                new io.sessiongate.api.admin.CreateFolderList("Tier 1 only", List.of(group.id())), null).orThrow();
        io.sessiongate.api.admin.RoleView role = admin.createRole(site, new io.sessiongate.api.admin.CreateRole(
                "Tier 1 lead", "ADMINISTRATOR", 25, list.id(), null), null).orThrow();
        assertThat(admin.patchRole(site, role.id(), "*", new io.sessiongate.api.admin.RolePatch(null, null, 26, null,
                null)).orThrow().priority()).isEqualTo(26);
        assertThat(admin.deleteFolderList(site, list.id()).refusal().orElseThrow().code())
                .isEqualTo("FOLDER_LIST_IN_USE");
        assertThat(admin.roles(site).map(io.sessiongate.api.admin.RoleView::name)).contains("Tier 1 lead");
        assertThat(admin.deleteRole(site, role.id()).orThrow().name()).isEqualTo("Tier 1 lead");
        assertThat(admin.patchFolderList(site, list.id(), admin.folderList(site, list.id()).etagOf().orElseThrow(),
                new io.sessiongate.api.admin.FolderListPatch("Renamed", null)).orThrow().name()).isEqualTo("Renamed");
        assertThat(admin.deleteFolderList(site, list.id()).orThrow().id()).isEqualTo(list.id());
        assertThat(admin.folderLists(site).map(io.sessiongate.api.admin.FolderListView::name))
                .containsExactly("Whole account");
    }
}
