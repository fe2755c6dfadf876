package io.sessiongate.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The administrator's page in a real headless Chromium, against a real server with the demo data: what an
 * administrator does there, as they do it (typing, clicking, the keyboard), judged by what the page shows and
 * by what the server then answers other callers. Ordered, because the steps act on the demo's sessions one
 * after the other (5001 transferred, 5002 refused, 5003 started, held and closed, 5004 transferred and called
 * back, 5005 moved by another caller). Each test has a fresh browser context (its own cookie).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPageBrowserTest {

    private static final String ADMIN = "admin@demo.example";
    private static final String ADMIN_PASSWORD = "demo-admin";
    private static final String OWNER = "owner@demo.example";
    private static final String OWNER_PASSWORD = "demo-owner";

    private static DemoServer server;
    private BrowserContext context;

    @BeforeAll
    static void timeouts() {
        if (Chromium.installed()) {
            DemoServer.startInBackground();
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(6_000);
    }

    @BeforeEach
    void newContext() {
        context = Chromium.context(1440); // without Chromium: each test reports skipped
        server = DemoServer.get();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private Pages.Watched loggedIn(String email, String password) {
        Pages.Watched w = Pages.open(context, server.url("/"));
        Pages.logIn(w.page(), email, password);
        return w;
    }

    private static Locator row(Page page, String group, long session) {
        return page.locator("[data-group='" + group + "'] tr[data-session-id='" + session + "']");
    }

    private static void openSession(Page page, long session) {
        page.locator("#sessions-list tr[data-session-id='" + session + "'] button").click();
        assertThat(page.locator("#session-dialog")).isVisible();
        assertThat(page.locator("#session-dialog-title")).containsText("Session " + session);
        assertThat(page.locator("#session-facts")).containsText("Status");
    }

    @Test
    @Order(1)
    void theRootLeadsToTheLoginFormWhoseRefusalsAreSaidInWords() {
        for (int i = 0; i < 10; i++) { // wrong passwords for one email, through the shared password limit
            Assertions.assertThat(server.rescue("login", null, "email", "nobody@demo.example", "pwd", "wrong"))
                    .isEqualTo("INVALID");
        }
        Pages.Watched w = Pages.open(context, server.url("/"));
        Page page = w.page();
        Assertions.assertThat(page.url()).isEqualTo(server.url("/admin/"));
        assertThat(page.getByLabel("Email")).isVisible();
        Pages.screenshots(page, "login");

        page.getByLabel("Email").fill(ADMIN);
        page.getByLabel("Password").fill("not-the-password");
        page.getByLabel("Password").press("Enter");
        assertThat(page.locator("#login-message")).hasText("Wrong email or password. (INVALID)");

        page.getByLabel("Email").fill("nobody@demo.example");
        page.getByLabel("Password").fill("still-wrong");
        page.getByLabel("Password").press("Enter");
        assertThat(page.locator("#login-message"))
                .hasText("Too many attempts for this email: wait a few minutes, then try again. (LIMITREACHED)");

        page.getByLabel("Email").fill("alice@demo.example"); // a technician: right password, wrong page
        page.getByLabel("Password").fill("demo-alice");
        page.getByLabel("Password").press("Enter");
        assertThat(page.locator("#login-message")).hasText("This page is for administrators: that login is a "
                + "technician's. Log in as an administrator.");
        assertThat(page.locator("#app-view")).isHidden();
        w.assertClean();
    }

    @Test
    @Order(2)
    void anAdministratorSeesTheDemoSessionsByChannelAndTechnicianWithStatusAndWaitingTime() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        assertThat(page.locator("#who")).hasText("admin@demo.example · demo · administrator");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("Sessions").setExact(true))).hasAttribute("aria-selected", "true");
        for (long id : new long[] {5001, 5002, 5003}) {
            assertThat(row(page, "c3001", id)).containsText("Waiting");
            assertThat(row(page, "c3001", id)).containsText("Customer " + id);
        }
        assertThat(row(page, "c3002", 5004)).containsText("Waiting");
        assertThat(row(page, "t2001", 5005)).containsText("Active");
        assertThat(row(page, "t2001", 5006)).containsText("On Hold");
        assertThat(page.locator("[data-group='c3001'] h3")).containsText("Support");
        assertThat(page.locator("[data-group='t2001'] h3")).containsText("Alice");
        // a waiting session shows how long it has waited (m:ss), and the clock goes on
        Assertions.assertThat(row(page, "c3001", 5001).locator(".waiting").textContent()).matches("\\d+:\\d\\d");
        Pages.screenshots(page, "sessions");
        w.assertClean();
    }

    @Test
    @Order(3)
    void transferringASessionToAliceMovesItIntoHerGroup() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        openSession(page, 5001);
        page.getByLabel("To a technician or a channel").selectOption("technician:2001");
        page.getByLabel("Comment (optional)").fill("over to you, Alice");
        page.locator("#transfer-submit").click();
        assertThat(page.locator("#session-message")).hasText("Transferred to Alice: the session is Transferring.");
        assertThat(page.locator("#session-transfers")).containsText("over to you, Alice");
        assertThat(page.locator("#session-events")).containsText("transferred");
        page.keyboard().press("Escape");
        assertThat(page.locator("#session-dialog")).isHidden();
        assertThat(row(page, "t2001", 5001)).containsText("Transferring");
        assertThat(row(page, "c3001", 5001)).hasCount(0);
        w.assertClean();
    }

    @Test
    @Order(4)
    void aTransferToOfflineBobIsRefusedWithTheRescueCodeInWords() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        openSession(page, 5002);
        Locator target = page.getByLabel("To a technician or a channel");
        assertThat(target.locator("option[value='technician:2002']")).hasText("Bob (Offline)");
        assertThat(target.locator("option[value='technician:2001']")).hasText("Alice (Online)");
        assertThat(target.locator("option[value='channel:3002']")).hasText("Second Line (channel)");
        target.selectOption("technician:2002");
        page.locator("#transfer-submit").click();
        assertThat(page.locator("#session-message")).hasText("Bob's console is not running. (ACTIONFAILED)");
        assertThat(page.locator("#session-status")).hasText("Waiting");
        assertThat(page.locator("#session-transfers")).hasText("Never transferred.");
        Pages.screenshots(page, "session", false);
        page.keyboard().press("Escape");
        assertThat(row(page, "c3001", 5002)).containsText("Waiting");
        w.assertClean();
    }

    @Test
    @Order(5)
    void startHoldAndCloseASession() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        openSession(page, 5003);
        assertThat(page.locator("#action-hold")).isDisabled(); // only an active session can be held
        page.getByLabel("Technician", new Page.GetByLabelOptions().setExact(true)).selectOption("technician:2001");
        page.locator("#start-submit").click();
        assertThat(page.locator("#session-message")).hasText("Started: Alice is with the customer.");
        assertThat(page.locator("#session-status")).hasText("Active");

        page.locator("#action-hold").click();
        assertThat(page.locator("#session-message")).hasText("Session 5003 is on hold.");
        assertThat(page.locator("#session-status")).hasText("On Hold");
        page.keyboard().press("Escape");
        assertThat(row(page, "t2001", 5003)).containsText("On Hold");

        openSession(page, 5003);
        page.locator("#action-close").click();
        assertThat(page.locator("#session-message")).hasText("Session 5003 is closed.");
        assertThat(page.locator("#session-status")).hasText("Closed by technician");
        assertThat(page.locator("#session-events")).containsText("closed");
        page.keyboard().press("Escape");
        assertThat(page.locator("#sessions-list tr[data-session-id='5003']")).hasCount(0); // no longer live
        page.getByLabel("Show").selectOption("closed");
        assertThat(row(page, "t2001", 5003)).containsText("Closed by technician");
        w.assertClean();
    }

    @Test
    @Order(6)
    void aPendingTransferIsCancelledBackIntoItsChannel() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        openSession(page, 5004);
        page.getByLabel("To a technician or a channel").selectOption("technician:2001");
        page.locator("#transfer-submit").click();
        assertThat(page.locator("#session-message")).hasText("Transferred to Alice: the session is Transferring.");
        page.locator("#action-cancel").click();
        assertThat(page.locator("#session-message"))
                .hasText("Transfer cancelled: the session is back in Second Line (Waiting).");
        assertThat(page.locator("#action-cancel")).isDisabled(); // nothing pending any more
        page.keyboard().press("Escape");
        assertThat(row(page, "c3002", 5004)).containsText("Waiting");
        w.assertClean();
    }

    @Test
    @Order(7)
    void aChangeMadeThroughTheRescueApiShowsWithinSecondsWithoutReloading() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        assertThat(row(page, "t2001", 5005)).containsText("Active");
        String owner = server.login(OWNER, OWNER_PASSWORD);
        Assertions.assertThat(server.rescue("transferSession", owner, "session", "5005", "node", "3002",
                "noderef", "CHANNEL")).isEqualTo("OK");
        long changed = System.nanoTime();
        assertThat(row(page, "c3002", 5005)).containsText("Waiting");
        long seenMillis = (System.nanoTime() - changed) / 1_000_000;
        System.out.printf("[web] a transfer made through transferSession.aspx showed on the page after %d ms%n",
                seenMillis);
        Assertions.assertThat(seenMillis).isLessThan(5_000);
        w.assertClean();
    }

    @Test
    @Order(8)
    void endingAWebSessionOnTheWebSessionsTabStopsItsCookie() throws Exception {
        String other = server.login(ADMIN, ADMIN_PASSWORD); // another login of the same administrator (a script)
        JsonNode logins = new ObjectMapper().readTree(server.get(
                "/api/v1/accounts/demo/web-sessions?status=ACTIVE&limit=200", other).body()).get("items");
        long id = 0;
        for (JsonNode login : logins) {
            id = Math.max(id, login.get("id").asLong()); // the newest: that script's login
        }
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("Web sessions")).click();
        Locator row = page.locator("tr[data-web-session-id='" + id + "']");
        assertThat(row).containsText("127.0.0.1");
        assertThat(row).containsText("Active");
        Pages.screenshots(page, "web-sessions");
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Refresh the roles")).click();
        assertThat(page.locator("#web-sessions-message")).hasText("Login " + id
                + " of admin@demo.example (you) now has its user's current roles and folder list.");
        assertThat(row).containsText("admin@demo.example (you)");
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("End")).click();
        assertThat(page.locator("#web-sessions-message")).containsText("Login " + id);
        assertThat(page.locator("#web-sessions-message")).containsText("is ended: its cookie no longer works.");
        assertThat(row).hasCount(0);
        Assertions.assertThat(server.rescue("transferSession", other, "session", "5002", "node", "2001"))
                .isEqualTo("NOTLOGGEDINASADMIN");
        w.assertClean();
    }

    @Test
    @Order(9)
    void theAuditTrailIsFilteredByKindAndObjectAndReadAPageAtATime() {
        Pages.Watched w = loggedIn(OWNER, OWNER_PASSWORD);
        Page page = w.page();
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("Audit")).click();
        assertThat(page.locator("#audit-list tr[data-event-id]").first()).isVisible();
        Pages.screenshots(page, "audit");

        page.getByLabel("Kind").selectOption("SUPPORT_SESSION");
        page.getByLabel("Object id").fill("5001");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#audit-list")).containsText("transferred");
        for (String object : page.locator("#audit-list td[data-label='Object']").allTextContents()) {
            Assertions.assertThat(object).isEqualTo("5001");
        }

        page.getByLabel("Kind").selectOption("");
        page.getByLabel("Per page").selectOption("10");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#audit-list tr[data-event-id]")).hasCount(10);
        List<String> first = eventIds(page);
        page.locator("#audit-next").click();
        assertThat(page.locator("#audit-where")).containsText("Page 2");
        List<String> second = eventIds(page);
        Assertions.assertThat(Long.parseLong(second.get(0))).isGreaterThan(Long.parseLong(first.get(9)));
        page.locator("#audit-previous").click();
        assertThat(page.locator("#audit-where")).containsText("Page 1");
        w.assertClean();
    }

    @Test
    @Order(10)
    void aFolderAdministratorIsToldTheWholeTrailIsTheMasterAdministratorsButReadsASessionsEvents() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        page.locator("#tab-audit").click();
        assertThat(page.locator("#audit-message")).containsText("The whole audit trail is for master administrators.");
        page.getByLabel("Kind").selectOption("SUPPORT_SESSION");
        page.getByLabel("Object id").fill("5001");
        page.locator("#audit-show").click();
        assertThat(page.locator("#audit-list")).containsText("transferred");
        w.assertClean();
    }

    @Test
    @Order(11)
    void theWholePageWorksFromTheKeyboardWithEveryControlLabelled() {
        Pages.Watched w = Pages.open(context, server.url("/admin/"));
        Page page = w.page();
        page.getByLabel("Email").waitFor();
        assertEveryControlIsLabelled(page);
        // the login form by keyboard alone: the page puts the focus in it
        page.keyboard().type(ADMIN);
        page.keyboard().press("Tab");
        page.keyboard().type(ADMIN_PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.locator("#sessions-list tr[data-session-id]").first()).isVisible();
        // the tabs: arrows move between them, and each panel's controls are labelled
        page.locator("#tab-sessions").focus();
        for (String tab : new String[] {"people", "web-sessions", "audit"}) {
            page.keyboard().press("ArrowRight");
            assertThat(page.locator("#tab-" + tab)).isFocused();
            assertThat(page.locator("#tab-" + tab)).hasAttribute("aria-selected", "true");
            assertThat(page.locator("#panel-" + tab)).isVisible();
            page.waitForTimeout(300);
            assertEveryControlIsLabelled(page);
        }
        page.keyboard().press("Home");
        assertThat(page.locator("#tab-sessions")).isFocused();
        // a session's dialog opens with Enter, its focus stays inside, Escape closes it and gives the focus back
        Locator open = page.locator("#sessions-list tr[data-session-id='5002'] button");
        open.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#session-dialog")).isVisible();
        assertThat(page.locator("#session-facts")).containsText("Waiting");
        assertEveryControlIsLabelled(page);
        Object focusInDialog = page.evaluate("() => document.getElementById('session-dialog')"
                + ".contains(document.activeElement)");
        Assertions.assertThat(focusInDialog).isEqualTo(true);
        page.keyboard().press("Escape");
        assertThat(page.locator("#session-dialog")).isHidden();
        assertThat(open).isFocused();
        // the focus is visible: an outline of its own on whatever has it
        String outline = (String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
        Assertions.assertThat(outline).isEqualTo("solid");
        w.assertClean();
    }

    @Test
    @Order(12)
    void textFromTheServerCanOnlyBeInsertedAsTextAndLoggingOutEndsTheLogin() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        // Trusted Types, required by the page's policy: turning a string into HTML throws
        Object refused = page.evaluate("() => { try { document.body.innerHTML = '<b>x</b>'; return 'assigned'; }"
                + " catch (e) { return e.name; } }");
        Assertions.assertThat(refused).isEqualTo("TypeError");
        // logging out ends the login (logout.aspx): the page is back at its form, and the cookie is refused
        String cookie = context.cookies().stream().filter(c -> c.name.equals("ASP.NET_SessionId")).findFirst()
                .orElseThrow().value;
        // a refresh of the sessions under way as the page logs out is answered 401 after the logout: held here
        // until then, it must not turn "logged out" into "your login has ended"
        List<Route> refreshes = new CopyOnWriteArrayList<>();
        page.route(url -> url.contains("/support-sessions?"), refreshes::add);
        page.waitForCondition(() -> !refreshes.isEmpty());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.locator("#login-message")).hasText("You are logged out.");
        Assertions.assertThat(server.get("/api/v1/session", cookie).statusCode()).isEqualTo(401);
        Response lateRefresh = page.waitForResponse(r -> r.url().contains("/support-sessions?"),
                () -> refreshes.forEach(Route::resume));
        Assertions.assertThat(lateRefresh.status()).isEqualTo(401);
        page.waitForTimeout(300); // the page's own handling of that answer
        Assertions.assertThat(page.locator("#login-message").textContent()).isEqualTo("You are logged out.");
        // the one thing the page's console reported: the refused assignment above
        Assertions.assertThat(w.problems()).containsExactly(
                "This document requires 'TrustedHTML' assignment. The action has been blocked.");
    }

    @Test
    @Order(13)
    void aMasterAdministratorMakesMovesAndDisablesPeopleAndGivesAChannelItsGroup() {
        Pages.Watched w = loggedIn(OWNER, OWNER_PASSWORD);
        Page page = w.page();
        page.locator("#tab-people").click();
        // who is online: Alice's console runs (the demo's simulated one), Bob's does not
        assertThat(page.locator("#online-list li[data-node-id='2001']")).hasText("Alice Online");
        assertThat(page.locator("#online-list li[data-node-id='2002']")).hasText("Bob Offline");
        assertThat(page.locator("#people-tree li[data-node-id='1001'] li[data-node-id='2002']")).containsText("Bob");
        assertThat(page.locator("#people-tree li[data-node-id='3001']")).containsText("serves Demo Technicians");
        Pages.screenshots(page, "people");

        // a technician, who can log in at once
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Tina Test");
        page.locator("#person-email").fill("tina@demo.example");
        page.locator("#person-password").fill("tina-password-1");
        page.getByLabel("Technician in").selectOption("1001");
        page.locator("#person-submit").click();
        assertThat(page.locator("#people-message")).containsText("Tina Test is made (technician node ");
        Locator tina = treeItem(page, "Tina Test");
        assertThat(page.locator("#people-tree li[data-node-id='1001']")).containsText("Tina Test");
        Assertions.assertThat(server.rescue("login", null, "email", "tina@demo.example", "pwd", "tina-password-1"))
                .isEqualTo("OK");

        // an administrator
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Adam Admin");
        page.locator("#person-email").fill("adam@demo.example");
        page.locator("#person-password").fill("adam-password-1");
        page.getByLabel("Technician in").selectOption("");
        page.getByLabel("Administrator in").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Demo Administrators"));
        page.locator("#person-submit").click();
        assertThat(page.locator("#people-message")).containsText("Adam Admin is made (administrator node ");
        assertThat(page.locator("#people-tree li[data-node-id='1002']")).containsText("Adam Admin");

        // a group, and Tina moved into it
        page.getByLabel("Group name").fill("Second Team");
        page.getByLabel("Inside").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Technicians (Technicians)"));
        page.locator("#group-submit").click();
        assertThat(page.locator("#people-message")).hasText("The group Second Team is made inside Technicians.");
        page.getByLabel("Who or which group").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Tina Test (Technician)"));
        page.getByLabel("Into").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Second Team (Technician group)"));
        page.locator("#move-submit").click();
        assertThat(page.locator("#people-message")).hasText("Tina Test is now in Second Team.");
        Locator team = treeItem(page, "Second Team");
        assertThat(team).containsText("Tina Test");
        assertThat(page.locator("#people-tree li[data-node-id='1001']")).not().containsText("Tina Test");

        // disabled: her logins end, and she cannot log in
        assertThat(tina).hasCount(1);
        tina.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Disable Tina Test")).click();
        assertThat(page.locator("#people-message")).hasText(
                "Tina Test is disabled: their logins ended, and they cannot log in.");
        assertThat(tina.locator(":scope > .node")).containsText("Disabled");
        Assertions.assertThat(server.rescue("login", null, "email", "tina@demo.example", "pwd", "tina-password-1"))
                .isEqualTo("INVALID");

        // a channel, serving the new group: customers see it on the join page's list
        page.getByLabel("New channel").fill("Third Line");
        page.locator("#channel-submit").click();
        assertThat(page.locator("#people-message")).containsText("The channel Third Line is made");
        assertThat(page.getByLabel("Channel", new Page.GetByLabelOptions().setExact(true)).locator("option:checked"))
                .hasText("Third Line");
        page.locator("#channel-groups").getByLabel("Second Team").check();
        assertThat(page.locator("#people-message")).hasText("Third Line now serves Second Team.");
        Locator thirdLine = treeItem(page, "Third Line");
        assertThat(thirdLine).containsText("serves Second Team");
        Assertions.assertThat(server.get("/api/v1/customer/channels?siteKey=demo", null).body()).contains("Third Line");
        page.locator("#channel-groups").getByLabel("Second Team").uncheck();
        assertThat(page.locator("#people-message")).hasText("Third Line no longer serves Second Team.");
        Assertions.assertThat(server.get("/api/v1/customer/channels?siteKey=demo", null).body())
                .doesNotContain("Third Line");
        w.assertClean();
    }

    @Test
    @Order(14)
    void aFolderAdministratorSeesTheirPartOfTheTreeAndIsToldWhatIsOutsideIt() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        page.locator("#tab-people").click();
        assertThat(page.locator("#people-tree li[data-node-id='2001']")).containsText("Alice");
        assertThat(page.locator("#people-tree")).not().containsText("Demo Owner");
        page.getByLabel("New channel").fill("Not mine");
        page.locator("#channel-submit").click();
        assertThat(page.locator("#people-message")).hasText("That is outside your folder list. (OUTSIDE_FOLDER_LIST)");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Fred Folder");
        page.locator("#person-email").fill("fred@demo.example");
        page.locator("#person-password").fill("fred-password-1");
        page.getByLabel("Technician in").selectOption("1001");
        page.locator("#person-submit").click();
        assertThat(page.locator("#people-message")).containsText("Fred Folder is made");
        assertThat(page.locator("#people-tree li[data-node-id='1001']")).containsText("Fred Folder");
        w.assertClean();
    }

    /** The hierarchy's item whose own name (not a descendant's) is {@code name}. */
    private static Locator treeItem(Page page, String name) {
        return page.locator("#people-tree li").filter(new Locator.FilterOptions().setHas(
                page.locator(":scope > .node .name", new Page.LocatorOptions().setHasText(name))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventIds(Page page) {
        return (List<String>) page.locator("#audit-list tr[data-event-id]").evaluateAll(
                "rows => rows.map(r => r.getAttribute('data-event-id'))");
    }

    /** Every visible form control has an accessible name (a label, aria-label or aria-labelledby, or its text). */
    static void assertEveryControlIsLabelled(Page page) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) page.evaluate("() => [...document.querySelectorAll("
                + "'input, select, textarea, button')].filter(c => c.offsetParent !== null || c.closest('dialog[open]'))"
                + ".filter(c => !((c.labels && c.labels.length) || c.getAttribute('aria-label')"
                + " || c.getAttribute('aria-labelledby') || (c.tagName === 'BUTTON' && c.textContent.trim())))"
                + ".map(c => c.outerHTML.slice(0, 80))");
        Assertions.assertThat(unlabelled).as("controls without a name").isEmpty();
    }
}
