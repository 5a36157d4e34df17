package dev.threadlab.web;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/** Base of the browser tests: a fresh headless Chromium per test, once the sandbox can run programs. */
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
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
