package io.sessiongate.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The one headless Chromium of the test JVM: Debian's {@code chromium} ({@code /usr/bin/chromium}, or
 * {@code -Dsessiongate.chromium=<path>}), driven by Playwright for Java with its own browser download
 * switched off. {@link #browser()} is an assumption: without Chromium the calling tests report SKIPPED,
 * never passed. One {@link Playwright} per JVM (each one unpacks its ~126 MB driver into the temp
 * directory), closed at exit; each test takes fresh contexts of it (no cookies or storage shared).
 */
public final class Chromium {

    /** Where Debian's package puts the browser. */
    public static final Path EXECUTABLE = Path.of(System.getProperty("sessiongate.chromium", "/usr/bin/chromium"));

    /**
     * What this machine's Chromium needs headless: no sandbox (the tests may run as root), no GPU, and none of
     * its background traffic (on a closed network it would fail, many times, at every start). Playwright gives
     * every launch a fresh, empty user-data directory of its own.
     */
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic");

    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    /** Whether Chromium is installed where the tests look for it. */
    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** The browser, launched on first use; skips the calling test when Chromium is not installed. */
    public static synchronized Browser browser() {
        Assumptions.assumeTrue(installed(), "Chromium is not installed at " + EXECUTABLE
                + " (Debian's package chromium; .ci/run installs it): the browser tests are skipped");
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                    .setHeadless(true).setArgs(ARGS));
            Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close, "chromium-close"));
        }
        return browser;
    }

    /** A fresh context (its own cookies and storage) with a window {@code width} pixels wide. */
    public static BrowserContext context(int width) {
        return browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 900).setLocale("en-GB")
                .setTimezoneId("UTC"));
    }

    private static synchronized void close() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        } catch (RuntimeException e) {
            // the JVM is exiting; the driver process goes with it
        }
    }
}
