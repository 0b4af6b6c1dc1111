package dev.selvedge.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver, with a fresh profile and no background
 * traffic (this machine has no outside network), at a given window size; screenshots saved under
 * {@code target/screenshots}.
 */
final class Chromium implements AutoCloseable {

    final WebDriver browser;
    private final Path profile;
    private final String device;

    Chromium(String device, int width, int height) throws IOException {
        this.device = device;
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                        .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Clicks a button that submits a form and waits until the page it leads to has replaced this
     * one (the button is gone from the document), so that the next step does not race it.
     */
    void press(org.openqa.selenium.WebElement button) {
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(
                        d -> {
                            try {
                                button.isEnabled();
                                return false;
                            } catch (org.openqa.selenium.WebDriverException gone) {
                                // Stale, or Chrome's "node does not belong to the document".
                                return true;
                            }
                        });
    }

    void screenshot(String step) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                shot,
                dir.resolve(device + "-" + step + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
