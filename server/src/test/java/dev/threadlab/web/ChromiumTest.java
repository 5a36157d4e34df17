package dev.threadlab.web;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: a fresh headless Chromium per test, once the sandbox can run programs. Every test
 * leaves a picture of the page as it ended under target/screenshots (a failing test's shows where it stopped).
 */
abstract class ChromiumTest {
    // Tests run in the project root (see the surefire configuration).
    private static final Path DOCS = Path.of("docs", "screenshots");

    @Inject
    SandboxImage image;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        SandboxReady.await(image);
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser == null) {
            return;
        }
        try {
            HeadlessChromium.screenshotPage(browser,
                    getClass().getSimpleName() + "." + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        } finally {
            browser.quit();
        }
    }

    /** Logs in through the log-in form (in English) and waits for the page it comes back to. */
    void logIn(URL home, String username, String password, String next) {
        browser.get(home + "login?lang=en&next=" + next);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement submit = browser.findElement(By.cssSelector("form.credentials button[type=submit]"));
        submit.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(submit));
    }

    /** Copies a picture into docs/screenshots, where the README and the docs show it. */
    static void keepInDocs(Path shot) throws IOException {
        if (Files.isDirectory(DOCS)) {
            Files.copy(shot, DOCS.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A picture of the window at a size that suits the README, kept in docs/screenshots too. */
    void pictureFor(String name, Dimension size, Runnable arrange) throws IOException {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(size);
        try {
            arrange.run();
            keepInDocs(HeadlessChromium.screenshotPage(browser, name));
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
