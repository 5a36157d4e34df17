package dev.threadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Chinese-reading learner's walk, in a real Chromium: signing up, a lesson, a run, a compile error, a graded
 * submission with failing checks, too many runs at once (429), the course home, the account and classes pages and the
 * submission's own page. On every page it
 * reaches, no English sentence is shown (three English words in a row, outside code, program output, thread names
 * and the language switch). And every message the APIs it used sent has a key the page translates.
 */
@QuarkusTest
class ChineseWalkBrowserTest extends ChromiumTest {
    /** The program that keeps the learner's runs busy while the page asks for one more. */
    private static final String SLEEPER = """
            public class Main {
                public static void main(String[] args) throws Exception {
                    Thread.sleep(60_000);
                }
            }
            """;
    /**
     * The visible words of the page that are not code: text nodes and the titles, placeholders and labels a reader sees
     * on hover or with a screen reader; each English run of three or more words, with where it was found.
     */
    private static final String ENGLISH_ON_PAGE = """
            const skip = 'pre.console span.out-stdout, pre.console span.out-stderr, code, .cm-editor, script, style,'
                + ' nav.languages, .snippet-tab, .lane-name, [translate="no"]';
            const sentence = /[A-Za-z]{2,}(?:[ ,;:'’()-]+[A-Za-z]{2,}){2,}/g;
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const owner = node.parentElement;
              if (!owner || owner.closest(skip) || !owner.checkVisibility()) continue;
              for (const match of node.textContent.match(sentence) || []) {
                found.push(`"${match}" in <${owner.tagName.toLowerCase()} class="${owner.className}">`);
              }
            }
            for (const element of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
              if (element.closest(skip)) continue;
              for (const name of ['title', 'placeholder', 'aria-label']) {
                for (const match of (element.getAttribute(name) || '').match(sentence) || []) {
                  found.push(`"${match}" in ${name} of <${element.tagName.toLowerCase()}>`);
                }
              }
            }
            return found;
            """;
    /** Where the page keeps what the APIs answered with a message: every one must carry its key. */
    private static final String UNKEYED_MESSAGES = """
            const answers = window.threadlabWalk || [];
            return answers.filter(a => (a.message || a.error) && !a.messageKey).map(a => JSON.stringify(a));
            """;

    @TestHTTPResource("/signup?lang=zh-CN&next=/lessons/multitasking")
    URL signUpThenLesson;

    @TestHTTPResource("/")
    URL home;

    private final List<String> english = new ArrayList<>();

    @Test
    void aChineseLearnerMeetsNoEnglishSentence() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
        browser.get(signUpThenLesson.toString());
        collect("the sign-up page");
        browser.findElement(By.id("username")).sendKeys("zh-walk-" + System.nanoTime() % 1_000_000);
        browser.findElement(By.id("password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.credentials button[type=submit]")).click();
        WebElement snippet = wait.until(d -> d.findElement(By.cssSelector("div.runnable.snippet")));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        recordApiAnswers();
        collect("the lesson");

        WebElement status = snippet.findElement(By.cssSelector(".status"));
        snippet.findElement(By.cssSelector("button.run")).click();
        wait.until(d -> status.getText().startsWith("已结束"));
        collect("the lesson after a run");

        browser.executeScript("window.threadlab.snippets[0].setCode(arguments[0])",
                "public class Main {\n    public static void main(String[] args) {\n        int broken = \"text\";\n    }\n}\n");
        snippet.findElement(By.cssSelector("button.run")).click();
        wait.until(d -> status.getText().startsWith("编译失败"));
        collect("the lesson after a compile error");

        WebElement exercise = browser.findElement(By.id("exercise-four-at-once"));
        WebElement summary = exercise.findElement(By.cssSelector(".grading-summary"));
        exercise.findElement(By.cssSelector("button.submit")).click();
        wait.until(d -> summary.getText().startsWith("得分"));
        assertTrue(!exercise.findElements(By.cssSelector(".grading-checks li.fail")).isEmpty(), "the starter fails checks");
        collect("the lesson after a graded submission");

        List<String> busy = startRunsUntilRefused();
        try {
            snippet.findElement(By.cssSelector("button.run")).click();
            WebElement refusal = wait.until(d -> snippet.findElement(By.cssSelector("pre.console span.out-system")));
            assertTrue(refusal.getText().contains("运行"), "the 429 said in Chinese: " + refusal.getText());
            collect("the lesson after a 429");
        } finally {
            cancel(busy);
        }
        assertEquals(List.of(), unkeyed(), "API messages without a key the page could translate");
        assertTrue((Boolean) browser.executeScript("return window.threadlabWalk.some(a => a.messageKey)"),
                "the answers were recorded, the 429's key among them");
        String submission = (String) browser.executeScript(
                "return window.threadlabWalk.find(a => a.exerciseId && a.status && a.id).id");

        browser.get(home.toString());
        collect("the course home");
        browser.get(home + "account");
        collect("the account page");
        browser.get(home + "classes");
        collect("the classes page");
        browser.get(home + "submissions/" + submission);
        wait.until(d -> !d.findElements(By.cssSelector("main")).isEmpty());
        collect("the submission's page");

        assertEquals(List.of(), english, "English shown to a Chinese reader");
    }

    /** Keeps every JSON answer of the APIs the page calls from now on, to check each message has its key. */
    private void recordApiAnswers() {
        browser.executeScript("""
                window.threadlabWalk = [];
                const original = window.fetch;
                window.fetch = async (...args) => {
                  const response = await original(...args);
                  response.clone().json().then(body => {
                    const walk = (value) => {
                      if (Array.isArray(value)) value.forEach(walk);
                      else if (value && typeof value === 'object') {
                        window.threadlabWalk.push(value);
                        Object.values(value).forEach(walk);
                      }
                    };
                    walk(body);
                  }).catch(() => {});
                  return response;
                };
                """);
    }

    /** Starts the sleeper as this learner until the server refuses one more; returns the runs to cancel. */
    @SuppressWarnings("unchecked")
    private List<String> startRunsUntilRefused() {
        Map<String, Object> started = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = decodeURIComponent(document.cookie.split('; ').find(c => c.startsWith('csrf-token='))
                  .split('=')[1]);
                const ids = [];
                (async () => {
                  for (let i = 0; i < 20; i++) {
                    const response = await fetch('/api/runs', { method: 'POST',
                      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token },
                      body: JSON.stringify({ language: 'java', files: { 'Main.java': arguments[0] }, mainClass: 'Main',
                                             trace: false }) });
                    if (response.status === 429) return done({ ids, refused: true });
                    ids.push((await response.json()).id);
                  }
                  done({ ids, refused: false });
                })();
                """, SLEEPER);
        assertEquals(true, started.get("refused"), "a learner's runs are limited: " + started);
        return (List<String>) started.get("ids");
    }

    private void cancel(List<String> runs) {
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = decodeURIComponent(document.cookie.split('; ').find(c => c.startsWith('csrf-token='))
                  .split('=')[1]);
                Promise.all(arguments[0].map(id => fetch(`/api/runs/${id}/cancel`,
                  { method: 'POST', headers: { 'X-CSRF-TOKEN': token } }))).then(() => done(), () => done());
                """, runs);
    }

    @SuppressWarnings("unchecked")
    private void collect(String where) {
        for (String found : (List<String>) browser.executeScript(ENGLISH_ON_PAGE)) {
            english.add(where + ": " + found);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> unkeyed() {
        return (List<String>) browser.executeScript(UNKEYED_MESSAGES);
    }
}
