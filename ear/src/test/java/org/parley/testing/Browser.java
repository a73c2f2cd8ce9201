package org.parley.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver; nothing downloads a browser. Each instance has its
 * own empty profile, so two of them are two independent people.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    public Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("parley-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves a PNG of the current page under target/screenshots, for people to look at. */
    public void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * After a failure: the screenshot and the HTML of the page this browser shows, as {@code target/screenshots/NAME.png}
     * and {@code .html}, so that a failed run says what the user saw. Never throws (the failure is what matters).
     */
    public void evidence(String name) {
        try {
            screenshot(name);
            Files.writeString(
                    Path.of("target", "screenshots", name + ".html"),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("No evidence " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }

    /**
     * A wait of 20 s that looks again every 50 ms. Pages replace parts of themselves (Ajax updates, live pushes) while
     * a condition reads them: a stale element means "look again", never a failed test.
     */
    public static WebDriverWait waitFor(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> whereItStood(driver));
    }

    /**
     * What a timed-out wait saw: the page's address, title and the start of its visible text, so that a failure in a
     * run nobody watched says which page the browser was on (a lambda's name says nothing).
     */
    static String whereItStood(WebDriver driver) {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            return "the browser was on " + driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\"), showing: "
                    + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        } catch (RuntimeException e) {
            return "the browser's page could not be read: " + e;
        }
    }
}
