package dev.threadlab.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by its chromedriver (a test tool's own browser download is not reachable). */
final class HeadlessChromium {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    static ChromeDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("threadlab.test.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        "--window-size=1200,1600",
                        "--user-data-dir=" + Files.createTempDirectory("threadlab-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("threadlab.test.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves a picture of what the window shows now under target/screenshots. */
    static Path screenshotPage(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Saves a picture of the element under target/screenshots, for people to look at (docs/screenshots keeps some). */
    static Path screenshot(ChromeDriver browser, WebElement element, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        browser.executeScript("arguments[0].scrollIntoView({ block: 'start' })", element);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, element.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
