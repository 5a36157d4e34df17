package dev.threadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an account gives a learner on the course pages, in a real Chromium: the draft and the last run come back
 * from the server after a reload (this browser's storage wiped first, to prove where they come from), the course
 * home marks the lesson opened and shows the points, and an anonymous visitor's Submit asks to log in.
 */
@QuarkusTest
class LearnerProgressBrowserTest extends ChromiumTest {
    private static final String NOTE = "// kept on the server";
    private static final String LATER = "// typed after another tab saved";

    @TestHTTPResource("/")
    URL home;

    @Test
    void theDraftAndTheLastRunComeBackFromTheServerAndTheHomeShowsTheLessonOpened() {
        browser.get(home + "signup?lang=en&next=/lessons/threads");
        browser.findElement(By.id("username")).sendKeys("learner-" + UUID.randomUUID().toString().substring(0, 8));
        browser.findElement(By.id("password")).sendKeys("threads-share-memory");
        browser.findElement(By.cssSelector("form.credentials button[type=submit]")).click();
        WebElement snippet = firstSnippet();

        WebElement content = snippet.findElement(By.cssSelector(".cm-content"));
        content.click();
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), NOTE, Keys.ENTER);
        await().until(d -> fetchText("/api/drafts").contains(NOTE));

        assertEquals(200L, saveDraftAsAnotherTab());
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), LATER, Keys.ENTER);
        WebElement notice = snippet.findElement(By.cssSelector(".snippet-notice"));
        await().until(d -> notice.isDisplayed());
        assertEquals("This draft was also changed in another tab; your version was saved over it.",
                notice.findElement(By.tagName("span")).getText());
        await().until(d -> fetchText("/api/drafts").contains(LATER));

        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        await().until(d -> status.getText().startsWith("Finished"));
        String output = snippet.findElement(By.cssSelector("pre.console")).getText();
        assertFalse(output.isBlank());
        // The run is kept once it has ended, which may be a moment after the page hears so.
        await().until(d -> fetchText("/api/runs/history").contains("\"id\""));

        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        WebElement reloaded = firstSnippet();
        await().until(d -> mainFileText().startsWith(LATER + "\n" + NOTE + "\n"));
        WebElement lastRun = reloaded.findElement(By.cssSelector(".status"));
        await().until(d -> lastRun.getText().startsWith("Last run "));
        assertTrue(lastRun.getText().contains("Finished · exit code 0"), lastRun.getText());
        assertEquals(output, reloaded.findElement(By.cssSelector("pre.console")).getText());
        assertTrue(reloaded.findElement(By.cssSelector("section.timeline")).isDisplayed(), "the kept trace is drawn");
        assertTrue((Long) browser.executeScript("return window.threadlab.snippets[0].timeline.laneCount()") > 0);

        browser.get(home + "?lang=en");
        WebElement lesson = browser.findElement(By.cssSelector(".lesson-list li[data-lesson=threads]"));
        assertEquals("opened", lesson.findElement(By.cssSelector(".lesson-state")).getText(),
                "opening the lesson page was recorded by the server");
        String points = browser.findElement(By.cssSelector(".course-points")).getText();
        assertTrue(points.startsWith("Your points: 0 / "), points);
    }

    @Test
    void anAnonymousVisitorIsAskedToLogInToSubmitInTheirLanguage() {
        browser.get(home + "lessons/locks?lang=en");
        WebElement exercise = await().until(d -> d.findElement(By.cssSelector("#exercise-lost-update .snippet")))
                .findElement(By.xpath(".."));
        assertFalse(exercise.findElement(By.cssSelector("button.submit")).isEnabled(), "nothing to submit as");
        WebElement prompt = exercise.findElement(By.cssSelector(".grading a.login-prompt"));
        assertEquals("Log in to submit", prompt.getText());
        assertTrue(prompt.getAttribute("href").endsWith("/login?next=%2Flessons%2Flocks"), prompt.getAttribute("href"));

        // A 401 (logged out in another tab) brings the same prompt back instead of the server's message.
        browser.executeScript("document.querySelector('#exercise-lost-update .grading-summary').textContent = ''");
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.threadlab.exercises[0].grading.submit().then(done, (e) => done(String(e)));
                """);
        assertNull(result, "no submission was made");
        assertEquals("Log in to submit",
                exercise.findElement(By.cssSelector(".grading-summary a.login-prompt")).getText());

        browser.get(home + "lessons/locks?lang=zh-CN");
        WebElement chinese = await().until(d -> d.findElement(By.cssSelector("#exercise-lost-update a.login-prompt")));
        assertEquals("登录后提交", chinese.getText());
    }

    private WebElement firstSnippet() {
        WebElement snippet = await().until(d -> d.findElement(By.cssSelector(".snippet .cm-editor"))
                .findElement(By.xpath("ancestor::*[contains(concat(' ', @class, ' '), ' snippet ')][1]")));
        assertNotNull(snippet);
        return snippet;
    }

    /** What another tab of this learner does: saves the draft it has, as the newest version, over this tab's. */
    private Object saveDraftAsAnotherTab() {
        return browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const [draft] = await (await fetch('/api/drafts')).json();
                  const csrf = document.cookie.split('; ').find((c) => c.startsWith('csrf-token=')).slice(11);
                  const response = await fetch('/api/drafts/' + draft.key, {
                    method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': decodeURIComponent(csrf) },
                    body: JSON.stringify({ files: draft.files, baseVersion: draft.version }),
                  });
                  done(response.status);
                })().catch((e) => done(String(e)));
                """);
    }

    /** A GET from the page, with its cookies, as text. */
    private String fetchText(String path) {
        return (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then((r) => r.text()).then(done, (e) => done(String(e)));
                """, path);
    }

    private String mainFileText() {
        return (String) browser.executeScript("return window.threadlab.snippets[0].editor.view.state.doc.toString()");
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(90));
    }
}
