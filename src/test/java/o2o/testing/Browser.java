package o2o.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium driven by Playwright, one browser per test run. Pages are opened at a phone's size.
 * Where no Chromium is installed the browser tests are skipped, unless {@code O2O_REQUIRE_BROWSER=true} (CI), where
 * they fail instead.
 */
public final class Browser {

    private static com.microsoft.playwright.Browser browser;

    private Browser() {}

    public static synchronized com.microsoft.playwright.Browser get() {
        if (browser == null) {
            var executable = chromium();
            var playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    /** A fresh phone-sized context (cookies of its own), speaking Chinese like most of our users. */
    public static BrowserContext phone(String baseUrl) {
        return get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("zh-CN"));
    }

    /**
     * Records every Content-Security-Policy violation the pages of {@code context} report (Chromium says so on the
     * console), so a test can fail on an inline script or an eval that the policy blocked.
     */
    public static void recordPolicyViolations(BrowserContext context, java.util.List<String> violations) {
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add((message.page() == null ? "" : message.page().url() + ": ") + message.text());
            }
        });
    }

    /** A phone inside WeChat: its browser says {@code MicroMessenger}, which pages read to offer WeChat's own ways. */
    public static BrowserContext insideWechat(String baseUrl) {
        return get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("zh-CN")
                .setUserAgent(WECHAT_USER_AGENT));
    }

    private static final String WECHAT_USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322d) NetType/WIFI "
            + "Language/zh_CN";

    private static Path chromium() {
        var configured = System.getenv("CHROMIUM_PATH");
        for (var candidate : configured == null
                ? List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                : List.of(configured)) {
            if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        boolean required = Boolean.parseBoolean(System.getenv("O2O_REQUIRE_BROWSER"));
        if (required) throw new IllegalStateException("Chromium is required (O2O_REQUIRE_BROWSER) but not installed");
        Assumptions.abort("no Chromium installed: browser tests skipped (apt-get install chromium)");
        throw new AssertionError();
    }
}
