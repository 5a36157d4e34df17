package dev.threadlab.web;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the browser tests: a fresh headless Chromium per test, once the sandbox can run programs. Every test
 * leaves a picture of the page as it ended under target/screenshots (a failing test's shows where it stopped).
 */
abstract class ChromiumTest {

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
}
