package dev.threadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The live scheduling timeline under a snippet, in a real Chromium, drawn from real programs in the sandbox. */
@QuarkusTest
class TraceTimelineBrowserTest extends ChromiumTest {

    static final String LOCK_CONTENTION = """
            public class Main {
                static final Object lock = new Object();

                public static void main(String[] args) throws InterruptedException {
                    Thread[] workers = new Thread[3];
                    for (int i = 0; i < workers.length; i++) {
                        workers[i] = new Thread(() -> {
                            for (int round = 0; round < 5; round++) {
                                synchronized (lock) {
                                    long end = System.nanoTime() + 100_000_000L;
                                    while (System.nanoTime() < end) { }
                                }
                            }
                        }, "worker-" + i);
                        workers[i].start();
                    }
                    for (Thread worker : workers) worker.join();
                    System.out.println("all workers done");
                }
            }
            """;


    @TestHTTPResource("/lessons/threads")
    URL lessonPage;

    @TestHTTPResource("/lessons/virtual-threads?lang=en")
    URL virtualThreadsLesson;

    /** Which snippet of the page the helpers below look at. */
    int snippetIndex;

    WebDriverWait wait;

    @BeforeEach
    void waitUpToAMinute() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @Test
    void lockContentionIsDrawnLiveWithBlockedSlicesOwnersAndCpus() throws Exception {
        WebElement snippet = open(LOCK_CONTENTION);
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        snippet.findElement(By.cssSelector("button.run")).click();

        wait.pollingEvery(Duration.ofMillis(50)).until(d -> laneCount() >= 5);
        assertTrue(status.getText().startsWith("Running…"), "lanes appear while the program still runs: " + status.getText());

        wait.until(d -> status.getText().startsWith("Finished"));
        List<String> labels = laneLabels();
        assertTrue(labels.containsAll(List.of("main", "worker-0", "worker-1", "worker-2")), labels.toString());
        assertTrue(labels.get(0).contains("Main") && labels.get(0).contains("pid"), "process header: " + labels);
        Map<String, Long> states = drawnStates();
        assertTrue(states.getOrDefault("blocked", 0L) >= 2, "blocked slices: " + states);
        assertTrue(states.getOrDefault("running", 0L) >= 3, "running slices: " + states);
        assertTrue(edgeCount() >= 1, "an edge from a blocked thread to the lock's owner");

        assertFalse(snippet.findElement(By.cssSelector(".timeline-download")).getAttribute("href").isEmpty());
        WebElement timeline = snippet.findElement(By.cssSelector("section.timeline"));
        HeadlessChromium.screenshot(browser, snippet, "trace-timeline-snippet");
        HeadlessChromium.screenshot(browser, timeline, "trace-timeline");

        String tooltip = showTooltipOfFirst("blocked");
        assertTrue(tooltip.contains("blocked on a lock") && tooltip.contains("Held by: worker-"), tooltip);
        HeadlessChromium.screenshot(browser, timeline, "trace-timeline-tooltip");

        snippet.findElement(By.xpath(".//button[text()='CPUs']")).click();
        wait.until(d -> laneLabels().stream().allMatch(label -> label.startsWith("CPU ")));
        Map<String, Long> perThread = drawnStates();
        assertTrue(perThread.keySet().containsAll(List.of("cpu:worker-0", "cpu:worker-1", "cpu:worker-2")),
                perThread.toString());
        HeadlessChromium.screenshot(browser, timeline, "trace-timeline-cpus");
    }

    @Test
    void theVirtualThreadsLessonShowsVirtualThreadsAndTheirCarriers() throws Exception {
        browser.get(virtualThreadsLesson.toString());
        wait.until(d -> d.findElements(By.cssSelector("div.runnable .snippet, div.runnable button.run")).size() > 2);
        // The lesson's example of three virtual threads that sleep, printing their carrier before and after.
        snippetIndex = ((Long) script("return window.threadlab.snippets.findIndex("
                + "s => JSON.stringify(s.editor.starter).includes('before sleep'))")).intValue();
        assertTrue(snippetIndex >= 0, "the lesson has its three-virtual-threads example");
        WebElement snippet = browser.findElements(By.cssSelector("div.runnable")).get(snippetIndex);
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        wait.until(d -> status.getText().startsWith("Finished"));

        // The virtual threads' lanes come with the run's last trace frame, and the timeline redraws at most every
        // REDRAW_MS: the status can say Finished a moment before they are drawn.
        List<String> virtualLanes = List.of("v1 (virtual)", "v2 (virtual)", "v3 (virtual)");
        try {
            wait.until(d -> laneLabels().containsAll(virtualLanes) && drawnStates().getOrDefault("sleeping", 0L) >= 3);
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected lanes " + virtualLanes + ", each sleeping; drawn: " + laneLabels() + " " + drawnStates());
        }
        List<String> labels = laneLabels();
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("ForkJoinPool-1-worker-") && l.contains("carrier")),
                "the carriers are named as such: " + labels);
        WebElement timeline = snippet.findElement(By.cssSelector("section.timeline"));
        keepInDocs(HeadlessChromium.screenshot(browser, timeline, "trace-virtual-threads"));
    }

    @Test
    void aDeadlockIsNamedAndItsThreadsAreMarked() {
        WebElement snippet = open("""
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        Object left = new Object(), right = new Object();
                        Thread alice = new Thread(() -> { synchronized (left) { pause(); synchronized (right) { } } }, "alice");
                        Thread bob = new Thread(() -> { synchronized (right) { pause(); synchronized (left) { } } }, "bob");
                        alice.start();
                        bob.start();
                        alice.join();
                    }

                    static void pause() {
                        try { Thread.sleep(200); } catch (InterruptedException e) { }
                    }
                }
                """);
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        wait.until(d -> status.getText().startsWith("Stopped: deadlock"));
        WebElement alert = snippet.findElement(By.cssSelector(".timeline-alert"));
        wait.until(d -> alert.isDisplayed());
        assertTrue(alert.getText().contains("\"alice\"") && alert.getText().contains("\"bob\""), alert.getText());
        assertTrue(laneLabels().containsAll(List.of("⚠ alice", "⚠ bob")), laneLabels().toString());
    }

    @Test
    void aProcessWithManyThreadsIsCollapsedUntilExpanded() {
        WebElement snippet = open("""
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        Thread[] sleepers = new Thread[30];
                        for (int i = 0; i < sleepers.length; i++) {
                            sleepers[i] = new Thread(() -> {
                                try { Thread.sleep(300); } catch (InterruptedException e) { }
                            }, "sleeper-" + i);
                            sleepers[i].start();
                        }
                        for (Thread sleeper : sleepers) sleeper.join();
                    }
                }
                """);
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        wait.until(d -> status.getText().startsWith("Finished"));
        wait.until(d -> laneCount() == 2);
        assertEquals("31 threads (collapsed)", laneLabels().get(1));
        assertTrue(drawnStates().getOrDefault("sleeping", 0L) > 0, drawnStates().toString());

        long pid = (Long) script("return window.threadlab.snippets[0].timeline.visibleLanes()[0].pid");
        script("window.threadlab.snippets[0].timeline.toggleProcess(arguments[0])", pid);
        assertEquals(32, laneCount(), "the process header and one lane per thread");
    }

    @Test
    void theTraceCanBeTurnedOffForARun() {
        WebElement snippet = open("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("untraced");
                    }
                }
                """);
        snippet.findElement(By.cssSelector(".trace-toggle input")).click();
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        wait.until(d -> status.getText().startsWith("Finished"));
        assertEquals("untraced", snippet.findElement(By.cssSelector("pre.console")).getText().strip());
        assertFalse(snippet.findElement(By.cssSelector("section.timeline")).isDisplayed());
    }

    private WebElement open(String code) {
        snippetIndex = 0;
        browser.get(lessonPage.toString());
        WebElement snippet = wait.until(d -> d.findElement(By.cssSelector(".snippet")));
        script("window.threadlab.snippets[0].setCode(arguments[0])", code);
        return snippet;
    }

    private long laneCount() {
        return (Long) script("return window.threadlab.snippets[" + snippetIndex + "].timeline.laneCount()");
    }

    @SuppressWarnings("unchecked")
    private List<String> laneLabels() {
        return (List<String>) script("return window.threadlab.snippets[" + snippetIndex + "].timeline.visibleLanes().map(l => l.label)");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> drawnStates() {
        return (Map<String, Long>) script("return window.threadlab.snippets[" + snippetIndex + "].timeline.drawnStates()");
    }

    private long edgeCount() {
        return (Long) script("return window.threadlab.snippets[" + snippetIndex + "].timeline.edgeRefs.length");
    }

    /** Hovers (through the chart's own API) the first drawn slice in the given state; returns the tooltip's text. */
    private String showTooltipOfFirst(String state) {
        script("""
                const timeline = window.threadlab.snippets[arguments[1]].timeline;
                const index = timeline.refs.findIndex(ref => ref.kind === 'slice' && ref.slice.state === arguments[0]);
                timeline.chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
                """, state, snippetIndex);
        return wait.until(d -> {
            String text = (String) script("""
                    const tip = [...document.querySelectorAll('.timeline-chart div')]
                        .find(div => div.style.position === 'absolute' && div.innerText.includes('State:'));
                    return tip ? tip.innerText : null;
                    """);
            return text;
        });
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
