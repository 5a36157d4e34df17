package dev.threadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A program that prints markup, names its threads with markup and fails with markup in its exception: all of it is
 * shown as text on the page, none of it becomes an element or runs.
 */
@QuarkusTest
class HostileMarkupBrowserTest extends ChromiumTest {
    private static final String MARKUP = "<img id='pwned' class='pwned' src='x' onerror='window.pwned=1'>"
            + "<script>window.pwned=2</script><b class='pwned'>bold</b>";

    @TestHTTPResource("/lessons/threads")
    URL lessonPage;

    @Test
    void markupFromAProgramIsShownAsTextEverywhere() {
        browser.get(lessonPage.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement snippet = wait.until(d -> d.findElement(By.cssSelector(".snippet")));
        String title = browser.getTitle();
        ((JavascriptExecutor) browser).executeScript("window.threadlab.snippets[0].setCode(arguments[0])", """
                public class Main {
                    static final String MARKUP = "%s";

                    public static void main(String[] args) throws Exception {
                        System.out.println("out " + MARKUP);
                        System.err.println("err " + MARKUP);
                        Thread worker = new Thread(() -> {
                            try { Thread.sleep(300); } catch (InterruptedException e) { }
                        }, MARKUP);
                        worker.start();
                        worker.join();
                        throw new IllegalStateException(MARKUP);
                    }
                }
                """.formatted(MARKUP));
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        wait.until(d -> status.getText().startsWith("Finished"));
        String console = snippet.findElement(By.cssSelector("pre.console")).getText();
        assertTrue(console.contains("out " + MARKUP), console);
        assertTrue(console.contains("err " + MARKUP), console);
        assertTrue(console.contains("IllegalStateException: " + MARKUP), console);

        Object injected = ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('#pwned, .pwned').length + ':' + (window.pwned === undefined)");
        assertEquals("0:true", injected, "no element was created and no script ran");
        assertEquals(title, browser.getTitle());
    }
}
