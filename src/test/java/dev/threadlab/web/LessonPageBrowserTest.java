package dev.threadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real Chromium on a lesson page: the editor, Run, and output streaming into the console. */
@QuarkusTest
class LessonPageBrowserTest extends ChromiumTest {


    @TestHTTPResource("/lessons/threads")
    URL lessonPage;



    @Test
    void runStreamsOutputIntoTheConsoleWhileTheProgramRuns() {
        browser.get(lessonPage.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement snippet = wait.until(d -> d.findElement(By.cssSelector(".snippet")));
        assertFalse(snippet.findElements(By.cssSelector(".cm-editor .cm-lineNumbers")).isEmpty(), "line numbers");
        assertFalse(snippet.findElements(By.cssSelector(".cm-content .cm-line span")).isEmpty(), "highlighted Java");

        setCode(0, """
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        for (int i = 1; i <= 4; i++) {
                            System.out.println("step " + i);
                            Thread.sleep(700);
                        }
                    }
                }
                """);
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement console = snippet.findElement(By.cssSelector("pre.console"));
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        wait.until(d -> console.getText().contains("step 1"));
        assertEquals("Running…", status.getText(), "the first line shows while the program still runs");
        assertEquals("Stop", snippet.findElement(By.cssSelector("button.run")).getText());
        wait.until(d -> status.getText().startsWith("Finished"));
        assertEquals("step 1\nstep 2\nstep 3\nstep 4", console.getText().strip());
        assertTrue(status.getText().contains("exit code 0"), status.getText());
    }

    @Test
    void ctrlEnterRunsAndCompileErrorsAreMarkedInTheEditor() {
        browser.get(lessonPage.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement snippet = wait.until(d -> d.findElement(By.cssSelector(".snippet")));
        setCode(0, """
                public class Main {
                    public static void main(String[] args) {
                        int broken = "text";
                    }
                }
                """);
        snippet.findElement(By.cssSelector(".cm-content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        wait.until(d -> status.getText().startsWith("Compilation failed"));
        wait.until(d -> !snippet.findElements(By.cssSelector(".cm-lintRange-error")).isEmpty());
        assertTrue(snippet.findElement(By.cssSelector("pre.console")).getText().contains("Main.java:3:"),
                snippet.findElement(By.cssSelector("pre.console")).getText());
    }

    private void setCode(int snippetIndex, String code) {
        ((JavascriptExecutor) browser).executeScript("window.threadlab.snippets[arguments[0]].setCode(arguments[1])",
                snippetIndex, code);
    }
}
