package io.sessiongate.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
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
    void textFromTheServerCanOnlyBeInsertedAsText() {
        Pages.Watched w = loggedIn(ADMIN, ADMIN_PASSWORD);
        Page page = w.page();
        // Trusted Types, required by the page's policy: turning a string into HTML throws
        Object refused = page.evaluate("() => { try { document.body.innerHTML = '<b>x</b>'; return 'assigned'; }"
                + " catch (e) { return e.name; } }");
        Assertions.assertThat(refused).isEqualTo("TypeError");
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
