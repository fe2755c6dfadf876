package io.sessiongate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the browser tests do on every page: open it and watch its console, log in as a user would, write
 * the screenshots at the two widths the pages are made for, and check that nothing went wrong in the
 * page (no script error, no Content-Security-Policy violation).
 */
final class Pages {

    /** The widths every page must be readable at. */
    static final int[] WIDTHS = {360, 1440};

    /** Where the screenshots go: {@code server/target/screenshots/<page>-<width>.png}. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Pages() {
    }

    /** A page and what its console said. */
    record Watched(Page page, List<String> problems) {

        /** Nothing went wrong in the page: no uncaught error, no refused script, style or connection. */
        void assertClean() {
            assertThat(problems).as("script errors and Content-Security-Policy violations in the page").isEmpty();
        }
    }

    /** A new page of {@code context}, its errors collected (failed requests the page expects are not errors). */
    static Watched open(BrowserContext context, String url) {
        Page page = context.newPage();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                problems.add(m.text());
            }
        });
        page.onPageError(e -> problems.add("uncaught: " + e));
        page.navigate(url);
        return new Watched(page, problems);
    }

    /** Logs in on the admin page's form, as a user types it, and waits for the tabs. */
    static void logIn(Page page, String email, String password) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.locator("#app-view").waitFor();
    }

    /** Full-page screenshots of what the page shows now, at 360 and at 1440 pixels wide; back to the width it had. */
    static void screenshots(Page page, String name) {
        screenshots(page, name, true);
    }

    /** Screenshots at both widths: of the whole page, or of the window only (a modal dialog, as the user sees it). */
    static void screenshots(Page page, String name, boolean fullPage) {
        ViewportSize was = page.viewportSize();
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            page.waitForTimeout(50); // a layout and a paint at the new width
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png"))
                    .setFullPage(fullPage));
        }
        page.setViewportSize(was.width, was.height);
    }
}
