package dev.threadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.Lesson;
import dev.threadlab.lesson.LessonRepository;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real Chromium on a lesson page, used the way a learner uses it: keyboard, mouse, reloads, a tablet. */
@QuarkusTest
class LessonPageBrowserTest extends ChromiumTest {

    @Inject
    LessonRepository lessons;

    @TestHTTPResource("/lessons/threads")
    URL threadsLesson;

    @TestHTTPResource("/lessons/processes")
    URL processesLesson;

    @TestHTTPResource("/lessons/virtual-threads?lang=en")
    URL virtualThreadsLesson;

    @Test
    void outputStreamsIntoTheConsoleWithAClockAndThePageDoesNotJump() {
        WebElement snippet = open(threadsLesson);
        assertFalse(snippet.findElements(By.cssSelector(".cm-editor .cm-lineNumbers")).isEmpty(), "line numbers");
        assertFalse(snippet.findElements(By.cssSelector(".cm-content .cm-line span")).isEmpty(), "highlighted Java");
        setCode(0, """
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        for (int i = 1; i <= 12; i++) {
                            System.out.println("step " + i);
                            Thread.sleep(250);
                        }
                    }
                }
                """);
        WebElement stdin = snippet.findElement(By.cssSelector("form.stdin"));
        int stdinTop = stdin.getRect().getY();
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement console = snippet.findElement(By.cssSelector("pre.console"));
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        await().until(d -> console.getText().contains("step 1"));
        assertFalse(console.getText().contains("step 12"), "the first line shows while the program still runs");
        String clock = status.getText();
        assertTrue(clock.matches("Running… \\d+(\\.\\d)? m?s"), clock);
        await().until(d -> !status.getText().equals(clock) && status.getText().startsWith("Running…"));
        assertEquals("Stop", snippet.findElement(By.cssSelector("button.run")).getText());
        await().until(d -> console.getText().contains("step 8"));
        assertEquals(stdinTop, stdin.getRect().getY(), "streaming output scrolls inside the console");
        await().until(d -> status.getText().startsWith("Finished"));
        assertEquals(String.join("\n", List.of("step 1", "step 2", "step 3", "step 4", "step 5", "step 6", "step 7",
                "step 8", "step 9", "step 10", "step 11", "step 12")), console.getText().strip());
        assertTrue(status.getText().matches("Finished · exit code 0 · \\d+\\.\\d s"), status.getText());
        assertEquals(stdinTop, stdin.getRect().getY());
    }

    @Test
    void ctrlEnterRunsAndACompileErrorIsMarkedOnItsLineAndClickable() {
        WebElement snippet = open(threadsLesson);
        WebElement run = snippet.findElement(By.cssSelector("button.run"));
        assertEquals("Run (Ctrl+Enter)", run.getAttribute("title"), "the shortcut is in the tooltip");
        setCode(0, """
                public class Main {
                    public static void main(String[] args) {
                        int broken = "text";
                    }
                }
                """);
        snippet.findElement(By.cssSelector(".cm-content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        await().until(d -> status.getText().startsWith("Compilation failed"));
        await().until(d -> !snippet.findElements(By.cssSelector(".cm-lintRange-error")).isEmpty());
        assertEquals(3L, browser.executeScript("""
                const mark = arguments[0].querySelector('.cm-lintRange-error');
                const line = mark.closest('.cm-line');
                return [...line.parentElement.children].indexOf(line) + 1;
                """, snippet), "the marker sits on the line the compiler named");
        WebElement message = snippet.findElement(By.cssSelector("pre.console button.diagnostic"));
        assertTrue(message.getText().startsWith("Main.java:3:"), message.getText());
        message.click();
        assertEquals(3L, browser.executeScript("""
                const view = window.threadlab.snippets[0].editor.view;
                return view.state.doc.lineAt(view.state.selection.main.head).number;
                """), "clicking the message puts the cursor on that line");
        assertEquals(true, browser.executeScript("return document.activeElement.classList.contains('cm-content')"));
    }

    @Test
    void whatTheLearnerTypesIntoTheConsoleReachesTheRunningProgram() {
        WebElement snippet = open(threadsLesson);
        setCode(0, """
                import java.io.BufferedReader;
                import java.io.InputStreamReader;
                import java.nio.charset.StandardCharsets;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                        System.out.println("ready");
                        for (String line; (line = in.readLine()) != null; ) {
                            System.out.println("echo: " + line.toUpperCase());
                        }
                        System.out.println("input closed");
                    }
                }
                """);
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement console = snippet.findElement(By.cssSelector("pre.console"));
        await().until(d -> console.getText().contains("ready"));
        WebElement input = snippet.findElement(By.cssSelector("form.stdin input"));
        assertEquals("Input for the running program", input.getAttribute("aria-label"));
        input.sendKeys("hello threads", Keys.ENTER);
        await().until(d -> console.getText().contains("echo: HELLO THREADS"));
        input.sendKeys("second line", Keys.ENTER);
        await().until(d -> console.getText().contains("echo: SECOND LINE"));
        snippet.findElement(By.xpath(".//form[contains(@class,'stdin')]/button[text()='End input']")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        await().until(d -> status.getText().startsWith("Finished"));
        assertEquals("ready\nhello threads\necho: HELLO THREADS\nsecond line\necho: SECOND LINE\ninput closed",
                console.getText().strip(), "the typed lines are echoed in the console, then the program's answers");
        assertFalse(input.isEnabled(), "no input once the program has ended");
    }

    @Test
    void stopEndsARunningProgram() throws InterruptedException {
        WebElement snippet = open(threadsLesson);
        setCode(0, """
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        for (int tick = 1; ; tick++) {
                            System.out.println("tick " + tick);
                            Thread.sleep(200);
                        }
                    }
                }
                """);
        WebElement run = snippet.findElement(By.cssSelector("button.run"));
        run.click();
        WebElement console = snippet.findElement(By.cssSelector("pre.console"));
        await().until(d -> console.getText().contains("tick 3"));
        assertEquals("Stop", run.getText());
        run.click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> status.getText().startsWith("Stopped"));
        assertEquals("Run", run.getText());
        String stoppedAt = console.getText();
        Thread.sleep(1000);
        assertEquals(stoppedAt, console.getText(), "no more output after Stop");
    }

    @Test
    void draftsSurviveAReloadAndResetBringsBackTheStarterUndoably() {
        WebElement snippet = open(threadsLesson);
        String starter = mainFileText();
        WebElement content = snippet.findElement(By.cssSelector(".cm-content"));
        content.click();
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), "// my own note", Keys.ENTER);
        await().until(d -> (Boolean) browser.executeScript(
                "return Object.keys(localStorage).some(k => k.startsWith('threadlab.draft.en.lesson.threads.0.'))"));

        browser.navigate().refresh();
        snippet = open(null);
        assertTrue(mainFileText().startsWith("// my own note\n"), mainFileText());
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        assertEquals("Your edits from last time are back. Reset restores the starter code.", status.getText());

        snippet.findElement(By.cssSelector("button.reset")).click();
        assertEquals(starter, mainFileText());
        assertTrue(status.getText().startsWith("Starter code restored."), status.getText());
        snippet.findElement(By.cssSelector(".cm-content")).sendKeys(Keys.chord(Keys.CONTROL, "z"));
        assertTrue(mainFileText().startsWith("// my own note\n"), "Ctrl+Z undoes Reset: " + mainFileText());
        snippet.findElement(By.cssSelector("button.reset")).click();

        browser.navigate().refresh();
        open(null);
        assertEquals(starter, mainFileText(), "after Reset no draft is left to come back");
    }

    @Test
    void switchingTo中文ShowsTheChineseLessonAndInterface() throws Exception {
        open(threadsLesson);
        browser.findElement(By.cssSelector("nav.languages a[hreflang='zh-CN']")).click();
        await().until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        WebElement snippet = open(null);
        Lesson chinese = lessons.all(Language.ZH_CN).stream().filter(l -> l.id().equals("threads")).findFirst().orElseThrow();
        assertEquals(chinese.title(), browser.findElement(By.cssSelector("article.lesson h1")).getText());
        assertEquals("运行", snippet.findElement(By.cssSelector("button.run")).getText());
        assertEquals("按 Ctrl+Enter 运行程序", snippet.findElement(By.cssSelector(".status")).getText());
        snippet.findElement(By.cssSelector("button.run")).click();
        await().until(d -> snippet.findElement(By.cssSelector(".status")).getText().startsWith("已结束"));
        // CodeMirror's own words too: its search panel (Ctrl+F in the editor).
        snippet.findElement(By.cssSelector(".cm-content")).click();
        new org.openqa.selenium.interactions.Actions(browser).keyDown(Keys.CONTROL).sendKeys("f").keyUp(Keys.CONTROL)
                .perform();
        WebElement search = await().until(d -> snippet.findElement(By.cssSelector(".cm-search input[name=search]")));
        assertEquals("查找", search.getAttribute("placeholder"));
        assertEquals("全部替换", snippet.findElement(By.cssSelector(".cm-search button[name=replaceAll]")).getText());
        // The compiler speaks the page's language as well.
        setCode(0, """
                public class Main {
                    public static void main(String[] args) {
                        int broken = "text";
                    }
                }
                """);
        snippet.findElement(By.cssSelector("button.run")).click();
        await().until(d -> snippet.findElement(By.cssSelector(".status")).getText().startsWith("编译失败"));
        String diagnostic = await().until(d -> snippet.findElement(By.cssSelector("pre.console button.diagnostic")))
                .getText();
        assertTrue(diagnostic.startsWith("Main.java:3:") && diagnostic.contains("错误") && diagnostic.contains("不兼容的类型"),
                diagnostic);
        HeadlessChromium.screenshot(browser, snippet, "lesson-compile-error-zh");

        browser.get(processesLesson.toString());
        await().until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(browser.findElement(By.cssSelector("article.lesson h1")).getText().startsWith("进程"),
                "the choice is remembered on the next page");
        browser.findElement(By.cssSelector("nav.languages a[hreflang='en']")).click();
        await().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    void darkModeIsOneClickAwayAndRemembered() throws Exception {
        WebElement snippet = open(threadsLesson);
        WebElement toggle = browser.findElement(By.cssSelector("button.theme-toggle"));
        assertEquals("false", toggle.getAttribute("aria-pressed"));
        assertEquals("rgb(251, 251, 253)", backgroundOf("html"));
        setCode(0, THREE_WORKERS_ONE_LOCK);
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        WebElement console = snippet.findElement(By.cssSelector("pre.console"));
        await().until(d -> console.getText().contains("round 3")
                && (Long) browser.executeScript("return window.threadlab.snippets[0].timeline.laneCount()") >= 4);
        assertTrue(status.getText().startsWith("Running…"), "pictures taken during the run: " + status.getText());
        HeadlessChromium.screenshot(browser, snippet, "lesson-run-light");

        toggle.click();
        assertTrue(status.getText().startsWith("Running…"), status.getText());
        HeadlessChromium.screenshot(browser, snippet, "lesson-run-dark");
        assertEquals("dark", browser.findElement(By.tagName("html")).getAttribute("data-theme"));
        assertEquals("true", toggle.getAttribute("aria-pressed"));
        assertEquals("rgb(18, 22, 31)", backgroundOf("html"));
        assertEquals("rgb(26, 31, 43)", backgroundOf(".snippet .cm-editor"), "the editor follows the theme");
        await().until(d -> status.getText().startsWith("Finished"));

        browser.navigate().refresh();
        open(null);
        assertEquals("dark", browser.findElement(By.tagName("html")).getAttribute("data-theme"),
                "the server renders the remembered theme, so the page never flashes white");
        browser.findElement(By.cssSelector("button.theme-toggle")).click();
        assertEquals("rgb(251, 251, 253)", backgroundOf("html"));
    }

    /**
     * Shows every state worth a picture: running on a CPU, blocked on the lock, sleeping. The 60 rounds of 60 ms under
     * the lock take at least 3.6 s, so both pictures are taken while it runs.
     */
    private static final String THREE_WORKERS_ONE_LOCK = """
            public class Main {
                static final Object lock = new Object();

                public static void main(String[] args) throws InterruptedException {
                    Thread[] workers = new Thread[3];
                    for (int i = 0; i < workers.length; i++) {
                        int id = i + 1;
                        workers[i] = new Thread(() -> work(id), "worker-" + id);
                        workers[i].start();
                    }
                    for (Thread worker : workers) {
                        worker.join();
                    }
                    System.out.println("all workers done");
                }

                static void work(int id) {
                    for (int round = 1; round <= 20; round++) {
                        synchronized (lock) {   // one worker at a time; the others wait here
                            System.out.println("worker-" + id + " has the lock, round " + round);
                            long until = System.nanoTime() + 60_000_000;
                            while (System.nanoTime() < until) { }   // 60 ms on a CPU
                        }
                        try {
                            Thread.sleep(40);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
            """;

    @Test
    void onATabletAnExampleWithTwoFilesRunsFromItsTabs() {
        browser.manage().window().setSize(new Dimension(820, 1180));
        open(processesLesson);
        WebElement snippet = browser.findElements(By.cssSelector(".snippet")).stream()
                .filter(s -> !s.findElements(By.cssSelector(".snippet-tabs:not([hidden]) .snippet-tab")).isEmpty()).findFirst().orElseThrow();
        List<String> tabs = snippet.findElements(By.cssSelector(".snippet-tab")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Main.java", "Worker.java"), tabs);
        browser.executeScript("arguments[0].scrollIntoView()", snippet);
        snippet.findElements(By.cssSelector(".snippet-tab")).get(1).click();
        assertTrue(snippet.findElement(By.cssSelector(".cm-content")).getText().startsWith("public class Worker"));
        assertEquals("true", snippet.findElements(By.cssSelector(".snippet-tab")).get(1).getAttribute("aria-selected"));
        assertEquals(true, browser.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                "nothing sticks out sideways at tablet width");

        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        await().until(d -> status.getText().startsWith("Finished"));
        String output = snippet.findElement(By.cssSelector("pre.console")).getText();
        assertTrue(output.contains("large ended with exit code 0") && output.contains("round 4 of 4"), output);
    }

    @Test
    void everyControlHasANameAndTheKeyboardReachesRun() {
        WebElement snippet = open(threadsLesson);
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('button, input, select, a[href], [role=tab], [contenteditable]')]
                  .filter(e => !(e.getAttribute('aria-label') || e.textContent.trim() || e.title
                      || (e.labels && e.labels.length && e.labels[0].textContent.trim())))
                  .map(e => e.outerHTML.slice(0, 80));
                """);
        assertEquals(List.of(), unnamed);
        snippet.findElement(By.cssSelector(".cm-content")).click();
        snippet.findElement(By.cssSelector(".cm-content")).sendKeys(Keys.TAB);
        assertEquals(true, browser.executeScript("return document.activeElement.classList.contains('run')"),
                "Tab leaves the editor for the Run button");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        await().until(d -> status.getText().startsWith("Finished"));
    }

    /** An example runs on the JDK it names, and the selector next to Run runs it on the other one. */
    @Test
    void theJdkSelectorRunsAnExampleOnTheJdkChosen() {
        open(virtualThreadsLesson);
        WebElement pinnedOn21 = browser.findElement(By.cssSelector("div.runnable[data-jdk='21']"));
        Select jdk = new Select(pinnedOn21.findElement(By.cssSelector(".jdk-choice select")));
        assertEquals("21", jdk.getFirstSelectedOption().getAttribute("value"), "the example's own JDK first");
        assertEquals(List.of("JDK 25", "JDK 21"), jdk.getOptions().stream().map(WebElement::getText).toList());
        assertEquals("25", new Select(browser.findElement(By.cssSelector("div.runnable[data-jdk='25'] .jdk-choice select")))
                .getFirstSelectedOption().getAttribute("value"));
        WebElement status = pinnedOn21.findElement(By.cssSelector(".status"));
        WebElement console = pinnedOn21.findElement(By.cssSelector("pre.console"));
        browser.executeScript("arguments[0].scrollIntoView()", pinnedOn21);
        pinnedOn21.findElement(By.cssSelector("button.run")).click();
        await().until(d -> status.getText().startsWith("Finished"));
        assertTrue(console.getText().startsWith("JDK 21,"), console.getText());
        jdk.selectByValue("25");
        pinnedOn21.findElement(By.cssSelector("button.run")).click();
        await().until(d -> console.getText().startsWith("JDK 25,") && status.getText().startsWith("Finished"));
    }

    /** Opens the page (null: the one already open) and returns its first snippet once the editor is there. */
    private WebElement open(URL page) {
        if (page != null) {
            browser.get(page.toString());
        }
        return await().until(d -> d.findElement(By.cssSelector(".snippet .cm-editor"))
                .findElement(By.xpath("ancestor::*[contains(concat(' ', @class, ' '), ' snippet ')][1]")));
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    private void setCode(int snippetIndex, String code) {
        browser.executeScript("window.threadlab.snippets[arguments[0]].setCode(arguments[1])", snippetIndex, code);
    }

    private String mainFileText() {
        return (String) browser.executeScript("return window.threadlab.snippets[0].editor.view.state.doc.toString()");
    }

    private String backgroundOf(String selector) {
        return (String) browser.executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", selector);
    }
}
