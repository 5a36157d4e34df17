package dev.threadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An exercise on its lesson page, in a real Chromium: Submit, the per-check results, hints and history. */
@QuarkusTest
class ExerciseBrowserTest extends ChromiumTest {


    @Inject
    ExerciseRepository exercises;

    @TestHTTPResource("/signup?lang=en&next=/lessons/locks")
    URL signUpThenLesson;

    @TestHTTPResource("/signup?lang=zh-CN&next=/lessons/multitasking")
    URL signUpThenChineseLesson;

    @TestHTTPResource("/signup?lang=en&next=/lessons/signalling")
    URL signUpThenSignalling;

    @Test
    void submitShowsEachCheckThenHintsAndHistory() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        signUp(signUpThenLesson, "exercise-");
        WebElement exercise = wait.until(d -> d.findElement(By.id("exercise-lost-update")));
        List<String> tabs = exercise.findElements(By.cssSelector(".snippet-tab")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Main.java", "BankAccount.java"), tabs, "the main file first, then the others");

        WebElement submit = exercise.findElement(By.cssSelector("button.submit"));
        WebElement summary = exercise.findElement(By.cssSelector(".grading-summary"));
        submit.click();
        wait.until(d -> summary.getText().startsWith("Score"));
        assertTrue(summary.getText().startsWith("Score 1 / 7") || summary.getText().startsWith("Score 3 / 7"),
                "the racy starter keeps only the single-thread points (and at most the lucky output): " + summary.getText());
        List<WebElement> checks = exercise.findElements(By.cssSelector(".grading-checks li"));
        assertEquals(3, checks.size());
        WebElement race = checks.stream().filter(c -> c.getText().contains("Four threads")).findFirst().orElseThrow();
        assertTrue(race.getAttribute("class").contains("fail") && race.getText().contains("✗"), race.getText());
        assertTrue(race.getText().contains("deposits were lost"), race.getText());
        wait.until(d -> !exercise.findElements(By.cssSelector(".grading-hints li")).isEmpty());
        assertTrue(exercise.findElement(By.cssSelector(".grading-hints")).getText().contains("read, add, write"));

        Exercise lostUpdate = exercises.find("lost-update").orElseThrow();
        browser.executeScript("window.threadlab.exercises[0].setFile('BankAccount.java', arguments[0])",
                lostUpdate.solutionFiles().get("BankAccount.java"));
        submit.click();
        wait.until(d -> summary.getText().startsWith("Score 7 / 7"));
        assertTrue(exercise.findElements(By.cssSelector(".grading-checks li.fail")).isEmpty());
        wait.until(d -> exercise.findElement(By.cssSelector(".grading-history summary")).getText()
                .equals("Your submissions (2)"));
        HeadlessChromium.screenshot(browser, exercise, "exercise-graded");
    }

    /** The server sends a failed check as a message key with arguments, and a Chinese page says it in Chinese. */
    @Test
    void aChinesePageSaysWhyACheckFailedInChinese() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
        signUp(signUpThenChineseLesson, "zh-exercise-");
        WebElement exercise = wait.until(d -> d.findElement(By.id("exercise-four-at-once")));
        WebElement summary = exercise.findElement(By.cssSelector(".grading-summary"));
        exercise.findElement(By.cssSelector("button.submit")).click();
        wait.until(d -> summary.getText().startsWith("得分"));
        // The starter runs the four parts one after another on main: no worker threads on the trace.
        WebElement trace = exercise.findElements(By.cssSelector(".grading-checks li")).get(1);
        String message = trace.findElement(By.cssSelector(".message")).getText();
        assertTrue(message.contains("除 main 之外启动了 0 个线程；应至少 4 个"), message);
        assertTrue(message.replace("main", "").chars().noneMatch(c -> c < 128 && Character.isLetter(c)),
                "no English left in: " + message);
        HeadlessChromium.screenshot(browser, exercise.findElement(By.cssSelector("section.grading")), "exercise-graded-zh");
    }

    /**
     * A failed schedule check offers the schedule that broke it: a click draws it on a timeline like a run's, one lane
     * per thread of the test, each step a slice.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aFailedScheduleCheckShowsTheInterleavingThatBrokeIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
        signUp(signUpThenSignalling, "schedule-");
        WebElement exercise = wait.until(d -> d.findElement(By.id("exercise-bounded-shelf")));
        String ifNotWhile = exercises.find("bounded-shelf").orElseThrow().solutionFiles().get("Shelf.java")
                .replace("while (items.isEmpty())", "if (items.isEmpty())");
        browser.executeScript("const hosts = [...document.querySelectorAll('section.exercise')];"
                + "window.threadlab.exercises[hosts.findIndex(h => h.id === 'exercise-bounded-shelf')]"
                + ".setFile('Shelf.java', arguments[0])", ifNotWhile);
        WebElement summary = exercise.findElement(By.cssSelector(".grading-summary"));
        exercise.findElement(By.cssSelector("button.submit")).click();
        wait.until(d -> summary.getText().startsWith("Score"));
        WebElement check = exercise.findElements(By.cssSelector(".grading-checks li.fail")).stream()
                .filter(c -> c.getText().contains("controlled schedules")).findFirst().orElseThrow();
        assertTrue(check.getText().matches("(?s).*Schedule \\d+ of 1000 broke it: .*"), check.getText());
        check.findElement(By.cssSelector("button.interleaving-toggle")).click();
        WebElement chart = wait.until(d -> check.findElement(By.cssSelector(".interleaving-timeline")));
        wait.until(d -> !((List<String>) browser.executeScript(
                "return arguments[0].threadlabTimeline.visibleLanes().map(l => l.label)", chart)).isEmpty());
        List<String> lanes = (List<String>) browser.executeScript(
                "return arguments[0].threadlabTimeline.visibleLanes().map(l => l.label)", chart);
        assertTrue(lanes.containsAll(List.of("consumer-1", "consumer-2", "producer")), lanes.toString());
        java.util.Map<String, Long> states = (java.util.Map<String, Long>) browser.executeScript(
                "return arguments[0].threadlabTimeline.drawnStates()", chart);
        assertTrue(states.getOrDefault("running", 0L) >= 3, states.toString());
        HeadlessChromium.screenshot(browser, check, "schedule-interleaving");
    }

    /** Submitting needs an account: signs up through the page, which then goes on to the lesson. */
    private void signUp(URL signUpThenLesson, String namePrefix) {
        browser.get(signUpThenLesson.toString());
        browser.findElement(By.id("username")).sendKeys(namePrefix + System.nanoTime() % 1_000_000);
        browser.findElement(By.id("password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.credentials button[type=submit]")).click();
    }
}
