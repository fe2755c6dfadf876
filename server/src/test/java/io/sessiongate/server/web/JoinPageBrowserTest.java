package io.sessiongate.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's page, /join, in a real headless Chromium: a customer in one browser context, the
 * administrator in another (their own cookies), against the demo server. The customer enters the PIN a
 * technician asked for, or chooses a channel; waits; sees who helps them; leaves.
 */
class JoinPageBrowserTest {

    private static DemoServer server;
    private BrowserContext admin;
    private BrowserContext customer;

    @BeforeAll
    static void timeouts() {
        if (Chromium.installed()) {
            DemoServer.startInBackground();
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(6_000);
    }

    @BeforeEach
    void contexts() {
        admin = Chromium.context(1440); // without Chromium: each test reports skipped
        customer = Chromium.context(360);
        server = DemoServer.get();
    }

    @AfterEach
    void close() {
        for (BrowserContext c : new BrowserContext[] {admin, customer}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aCustomerJoinsWithAlicesPinTheAdministratorSeesItWithinSecondsStartsItAndTheCustomerLeaves() {
        Pages.Watched office = Pages.open(admin, server.url("/"));
        Pages.logIn(office.page(), "admin@demo.example", "demo-admin");
        Page sessions = office.page();
        assertThat(sessions.locator("#sessions-list tr[data-session-id]").first()).isVisible();

        String alice = server.login("alice@demo.example", "demo-alice");
        String reply = server.rescue("requestPINCode", alice, "tracking0", "T-web-1");
        Assertions.assertThat(reply).matches("OK\nPINCODE:\\d{6}");
        String pin = reply.substring("OK\nPINCODE:".length());

        // A name that would run a script if it were ever put in as HTML (customers type what they like).
        String name = "Ann <img src=x onerror=\"window.pwned=1\">";
        Pages.Watched join = Pages.open(customer, server.url("/join"));
        Page page = join.page();
        page.getByLabel("PIN code").fill(pin);
        page.getByLabel("Your name (optional)").fill(name);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Connect")).click();
        assertThat(page.locator("#wait-title")).hasText("You are in the queue");
        assertThat(page.locator("#wait-status")).hasText("Waiting for a technician…");
        long joined = System.nanoTime();
        Pages.screenshots(page, "join-waiting");

        // The administrator's Sessions tab, open all along, shows it in Alice's queue within seconds.
        Locator row = sessions.locator("[data-group='t2001'] tr").filter(new Locator.FilterOptions().setHasText("Ann <img"));
        assertThat(row).containsText("Waiting");
        long seenMillis = (System.nanoTime() - joined) / 1_000_000;
        System.out.printf("[web] a customer's join showed on the administrator's page after %d ms%n", seenMillis);
        Assertions.assertThat(seenMillis).isLessThan(5_000);
        Assertions.assertThat(row.locator("td[data-label='Customer']").textContent()).isEqualTo(name);
        Assertions.assertThat(row.locator("td[data-label='Custom fields']").textContent()).isEqualTo("tracking T-web-1");
        Assertions.assertThat(sessions.locator("#sessions-list img").count()).isZero();
        Assertions.assertThat(sessions.evaluate("() => window.pwned")).isNull();

        // The administrator starts it for Alice; the customer's page says who is with them.
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(sessions.locator("#session-dialog-title")).containsText(name);
        sessions.locator("#start-technician").selectOption("technician:2001");
        sessions.locator("#start-submit").click();
        assertThat(sessions.locator("#session-message")).hasText("Started: Alice is with the customer.");
        long started = System.nanoTime();
        assertThat(page.locator("#wait-status")).hasText("A technician is with you: Alice.");
        System.out.printf("[web] the start showed on the customer's page after %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(page.locator("#technician-name")).hasText("Alice");
        assertThat(page.locator("#wait-title")).hasText("Your session has started");
        Pages.screenshots(page, "join-technician");
        sessions.keyboard().press("Escape");

        // The customer leaves: closed by the customer, gone from the live list.
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Leave")).click();
        assertThat(page.locator("#wait-title")).hasText("Your session has ended");
        assertThat(page.locator("#wait-status")).hasText("You left the session.");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Start again"))).isVisible();
        assertThat(row).hasCount(0);
        join.assertClean();
        office.assertClean();
    }

    @Test
    void aCustomerChoosesAChannelFromTheAccountsListAndWaitsInItsQueue() throws Exception {
        Pages.Watched join = Pages.open(customer, server.url("/join?site=demo"));
        Page page = join.page();
        Locator queues = page.getByLabel("Support queue");
        assertThat(queues.locator("option")).hasText(new String[] {"Second Line", "Support"});
        Pages.screenshots(page, "join");
        queues.selectOption("3001");
        page.getByLabel("Your name", new Page.GetByLabelOptions().setExact(true)).fill("Carla Channel");
        page.getByLabel("What is the problem? (optional)").fill("the printer is on fire");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Join the queue")).click();
        assertThat(page.locator("#wait-status")).hasText("Waiting for a technician…");
        assertThat(page.locator("#wait-detail")).containsText("You have waited 0:0");

        String owner = server.login("owner@demo.example", "demo-owner");
        JsonNode waiting = new ObjectMapper().readTree(server.get(
                "/api/v1/accounts/demo/support-sessions?status=WAITING&channelId=3001&limit=200", owner).body())
                .get("items");
        JsonNode mine = null;
        for (JsonNode s : waiting) {
            if ("Carla Channel".equals(s.get("customFields").get(0).asText())) {
                mine = s;
            }
        }
        Assertions.assertThat(mine).as("Carla's session waiting in channel 3001").isNotNull();
        Assertions.assertThat(mine.get("customFields").get(1).asText()).isEqualTo("the printer is on fire");

        // a reload keeps the customer's place (the token is kept in this tab)
        page.reload();
        assertThat(page.locator("#wait-status")).hasText("Waiting for a technician…");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Leave")).click();
        assertThat(page.locator("#wait-status")).hasText("You left the session.");
        JsonNode after = new ObjectMapper().readTree(server.get("/api/v1/accounts/demo/support-sessions/"
                + mine.get("id").asLong(), owner).body());
        Assertions.assertThat(after.get("status").asText()).isEqualTo("CLOSED_BY_WAITING_CUSTOMER");
        join.assertClean();
    }

    @Test
    void aWrongPinIsRefusedInWords() {
        Pages.Watched join = Pages.open(customer, server.url("/join"));
        Page page = join.page();
        page.getByLabel("PIN code").fill("12345");
        page.getByLabel("PIN code").press("Enter");
        assertThat(page.locator("#join-message")).hasText("A PIN code is six digits.");
        page.getByLabel("PIN code").fill("000000");
        page.getByLabel("PIN code").press("Enter");
        assertThat(page.locator("#join-message")).hasText("This PIN code is not valid: check it with your technician "
                + "(a PIN code works once, for a limited time).");
        AdminPageBrowserTest.assertEveryControlIsLabelled(page);
        join.assertClean();
    }
}
