package dev.platen.testing;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.fail;

/** The browser of the browser tests: Debian's chromium and chromium-driver, headless. */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static WebDriver start() throws IOException {
        return start(null);
    }

    /** @param timeZone the browser's time zone (an IANA id such as Europe/Berlin), or null for the machine's */
    public static WebDriver start(String timeZone) throws IOException {
        File chromium = new File("/usr/bin/chromium");
        File driver = new File("/usr/bin/chromedriver");
        if (!chromium.canExecute() || !driver.canExecute()) {
            fail("the browser test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // Headless on a machine without a display or network: no sandbox (root in CI), no GPU, no background calls.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--user-data-dir=" + Files.createTempDirectory("platen-chromium"));
        ChromeDriverService.Builder service = new ChromeDriverService.Builder().usingDriverExecutable(driver);
        if (timeZone != null) {
            service.withEnvironment(java.util.Map.of("TZ", timeZone)); // passed on to the browser it starts
        }
        WebDriver browser = new ChromeDriver(service.build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Keeps what the browser shows as {@code target/screenshots/name}, for a person to look at after the run. */
    public static void screenshot(WebDriver browser, String name) throws IOException {
        java.nio.file.Path folder = Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        Files.write(folder.resolve(name), ((org.openqa.selenium.TakesScreenshot) browser)
                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
