package dev.threadlab.web;

import static dev.threadlab.classroom.ClassroomApi.PASSWORD;
import static dev.threadlab.classroom.ClassroomApi.createClass;
import static dev.threadlab.classroom.ClassroomApi.join;
import static dev.threadlab.classroom.ClassroomApi.learner;
import static dev.threadlab.classroom.ClassroomApi.submitAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.Accounts;
import dev.threadlab.account.Role;
import dev.threadlab.classroom.ClassroomApi;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The instructor's dashboard in a real Chromium: the grid colours a full and a partial score, the filter hides
 * learners, the histograms count them, and a cell opens the submission page, whose trace timeline is drawn from the
 * stored events.
 */
@QuarkusTest
@Tag("persistence")
class DashboardBrowserTest extends ChromiumTest {
    @Inject
    Accounts accounts;

    @Inject
    ExerciseRepository exercises;

    @TestHTTPResource("/")
    URL home;

    @Test
    void theGridLinksToASubmissionWhoseTraceIsDrawn() throws IOException {
        String teacher = learner("teacher");
        accounts.grant(teacher, Role.INSTRUCTOR);
        Map<String, String> group = createClass(teacher, "Threads 101 · 线程");
        String ada = learner("ada");
        String bo = learner("波");
        join(ada, group.get("joinCode")).statusCode(200);
        join(bo, group.get("joinCode")).statusCode(200);
        Exercise exercise = exercises.find(ClassroomApi.EXERCISE).orElseThrow();
        String adaSubmission = (String) submitAndWait(ada, exercise.solutionFiles()).get("id");
        submitAndWait(bo, exercise.starterFiles());

        logIn(teacher, "/classes/" + group.get("id"));
        WebElement dashboard = await().until(d -> d.findElement(By.cssSelector("section.class-dashboard")));
        assertEquals("Threads 101 · 线程", browser.findElement(By.tagName("h1")).getText());
        assertEquals(group.get("joinCode"), dashboard.findElement(By.cssSelector(".join-code")).getText());
        assertTrue(cell(ada).getAttribute("class").contains("full"), cell(ada).getAttribute("class"));
        assertTrue(cell(bo).getAttribute("class").contains("partial"), cell(bo).getAttribute("class"));
        assertEquals(String.valueOf(exercise.maxScore()), cell(ada).getText());
        WebElement card = dashboard.findElement(By.cssSelector(
                "article.exercise-card[data-exercise='" + ClassroomApi.EXERCISE + "']"));
        assertTrue(card.findElement(By.cssSelector(".counts")).getText().startsWith("2 attempted · 1 passed"),
                card.getText());
        assertTrue(!card.findElements(By.cssSelector(".histogram canvas")).isEmpty(), "the histogram is drawn");
        assertEquals(2L, histogramTotal(), "both graded learners are counted");

        WebElement filter = dashboard.findElement(By.cssSelector("input.learner-filter"));
        filter.sendKeys("ADA");
        assertTrue(row(ada).isDisplayed());
        assertTrue(!row(bo).isDisplayed(), "the filter hides the other learner");
        filter.clear();
        filter.sendKeys(" ");
        filter.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        await().until(d -> row(bo).isDisplayed());

        card.findElement(By.cssSelector("button.regrade")).click();
        WebElement progress = card.findElement(By.cssSelector(".regrade-progress"));
        await().until(d -> progress.getText().startsWith("Regraded"));
        await().until(ExpectedConditions.stalenessOf(card)); // the grid reloads with the new grades
        assertTrue(cell(ada).getAttribute("class").contains("full"), "still full marks after the regrade");
        pictureFor("dashboard", new Dimension(1280, 900), () -> browser.executeScript(
                "arguments[0].scrollIntoView({ block: 'nearest', inline: 'center' })", cell(ada)));

        cell(ada).findElement(By.tagName("a")).click();
        await().until(ExpectedConditions.urlContains("/submissions/" + adaSubmission));
        await().until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return window.threadlabSubmission && window.threadlabSubmission.ready === true")));
        assertEquals(ada, browser.findElement(By.cssSelector(".submission-facts .learner")).getText());
        assertTrue(((String) browser.executeScript("return window.threadlabSubmission.viewer.text()"))
                .contains("class "), "the code is shown");
        assertTrue(browser.findElements(By.cssSelector(".code-viewer .cm-content[contenteditable=true]")).isEmpty(),
                "the code is read-only");
        assertTrue(browser.findElements(By.cssSelector("ul.grading-checks li.pass")).size() >= 2);
        WebElement timeline = browser.findElement(By.cssSelector(".submission-trace section.timeline"));
        assertTrue(timeline.isDisplayed());
        @SuppressWarnings("unchecked")
        List<String> lanes = (List<String>) browser.executeScript(
                "return window.threadlabSubmission.timeline.visibleLanes().map(l => l.label)");
        assertTrue(lanes.containsAll(List.of("main", "worker-1", "worker-2", "worker-3")), lanes.toString());
        pictureFor("submission-trace", new Dimension(1200, 1000), () -> browser.executeScript(
                "arguments[0].scrollIntoView({ block: 'end' })", timeline));
    }

    @Test
    void aLearnerIsRefusedTheDashboardAndAnonymousVisitorsAreSentToLogIn() {
        String teacher = learner("teacher");
        accounts.grant(teacher, Role.INSTRUCTOR);
        String classId = createClass(teacher, "closed").get("id");
        browser.get(home + "classes/" + classId + "?lang=en");
        assertTrue(browser.getCurrentUrl().contains("/login?next=%2Fclasses%2F" + classId), browser.getCurrentUrl());
        logIn(learner("ada"), "/classes/" + classId);
        assertEquals("Not available", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector("p.refused")).getText().contains("instructor"));
    }

    private void logIn(String username, String next) {
        logIn(home, username, PASSWORD, next);
    }

    private WebElement row(String username) {
        return browser.findElement(By.cssSelector("table.grade-grid tr[data-learner='" + username + "']"));
    }

    private WebElement cell(String username) {
        return row(username).findElement(By.cssSelector("td.cell[data-exercise='" + ClassroomApi.EXERCISE + "']"));
    }

    private long histogramTotal() {
        return (Long) browser.executeScript("""
                const cards = [...document.querySelectorAll('article.exercise-card')];
                const index = cards.findIndex(card => card.dataset.exercise === arguments[0]);
                return window.threadlabClassroom.histograms[index].reduce((a, b) => a + b, 0);
                """, ClassroomApi.EXERCISE);
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }
}
