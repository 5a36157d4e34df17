package dev.threadlab.web;

import static dev.threadlab.classroom.ClassroomApi.PASSWORD;
import static dev.threadlab.classroom.ClassroomApi.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.Accounts;
import dev.threadlab.account.Role;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Classes through the pages only, in a real Chromium: an admin makes a learner an instructor on /admin/users, the
 * instructor creates a class on /classes and reads its join code, a learner joins with it (after a wrong code); and
 * who sees which links, forms and refusals, in English and Chinese.
 */
@QuarkusTest
class ClassesBrowserTest extends ChromiumTest {
    private static final String CLASS_NAME = "Threads 101 · 线程";

    // The admin is promoted directly rather than configured (threadlab.accounts.admin-*): a test profile would
    // restart Quarkus for this class alone.
    @Inject
    Accounts accounts;

    @TestHTTPResource("/")
    URL home;

    @Test
    void anAdminMakesAnInstructorWhoCreatesAClassThatALearnerJoins() throws IOException {
        String admin = learner("admin");
        accounts.grant(admin, Role.ADMIN);
        String teacher = learner("teacher");
        String ada = learner("ada");

        logInAs(admin, "/admin/users");
        assertEquals(List.of("Classes", "Users"), sectionLinks());
        assertFalse(hasButton(userRow(admin)), "an admin can create classes already");
        makeInstructor(teacher);
        HeadlessChromium.screenshotPage(browser, "admin-users");
        assertTrue(accounts.byUsername(teacher).orElseThrow().has(Role.INSTRUCTOR));

        logInAs(teacher, "/classes");
        assertEquals(List.of("Classes"), sectionLinks(), "no Users link for an instructor");
        WebElement teaching = browser.findElement(By.cssSelector("section.teaching"));
        await().until(d -> teaching.findElement(By.cssSelector(".none-taught")).isDisplayed());
        send("form.create-class", "   ");
        assertEquals("A class needs a name (1 to 200 characters).", errorOf(teaching));
        send("form.create-class", CLASS_NAME);
        String code = createdCode(teaching);
        WebElement row = await().until(d -> teaching.findElement(By.cssSelector("table.taught tbody tr")));
        assertEquals(CLASS_NAME, row.findElement(By.cssSelector(".name")).getText());
        assertEquals(code, row.findElement(By.cssSelector(".join-code")).getText());
        assertFalse(teaching.findElement(By.cssSelector(".class-error")).isDisplayed(), "the old error is gone");
        pictureFor("classes", new Dimension(1000, 760), () -> { });
        clickAndWait(row.findElement(By.cssSelector("a.dashboard")));
        assertEquals(CLASS_NAME, browser.findElement(By.cssSelector("section.class-dashboard h1")).getText());

        logInAs(ada, "/classes");
        assertTrue(browser.findElements(By.cssSelector("section.teaching, form.create-class")).isEmpty(),
                "a learner cannot create classes");
        WebElement member = browser.findElement(By.cssSelector("section.member"));
        await().until(d -> member.findElement(By.cssSelector(".none-joined")).isDisplayed());
        send("form.join-class", "ZZZZ2222");
        assertEquals("No class has this join code. Check it with your instructor: a code has 8 letters and digits.",
                errorOf(member));
        // Typed as one might copy it from a projector: lower case, with a dash; the server normalizes it.
        send("form.join-class", code.substring(0, 4).toLowerCase() + "-" + code.substring(4));
        WebElement joined = await().until(d -> member.findElement(By.cssSelector("ul.joined li")));
        assertEquals(CLASS_NAME, joined.getText());
        assertEquals("You joined " + CLASS_NAME, member.findElement(By.cssSelector(".joined-status")).getText());
        assertFalse(member.findElement(By.cssSelector(".none-joined")).isDisplayed());
        assertFalse(member.findElement(By.cssSelector(".class-error")).isDisplayed());
    }

    @Test
    void anonymousVisitorsLogInFirstLearnersAreRefusedTheUsersAndTheErrorsSpeakChinese() throws IOException {
        browser.get(home + "classes?lang=en");
        assertTrue(browser.getCurrentUrl().contains("/login?next=%2Fclasses"), browser.getCurrentUrl());
        browser.get(home + "admin/users");
        assertTrue(browser.getCurrentUrl().contains("/login?next=%2Fadmin%2Fusers"), browser.getCurrentUrl());

        logInAs(learner("bo"), "/admin/users");
        assertEquals("Not available", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Only admins can manage users.", browser.findElement(By.cssSelector("p.refused")).getText());
        assertEquals(List.of("Classes"), sectionLinks());

        browser.get(home + "classes?lang=zh-CN");
        assertEquals("我的班级", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of("班级"), sectionLinks());
        WebElement member = browser.findElement(By.cssSelector("section.member"));
        send("form.join-class", " ");
        assertEquals("请输入老师给你的加入码。", errorOf(member));
        send("form.join-class", "ZZZZ2222");
        await().until(d -> errorOf(member).startsWith("没有班级使用这个加入码"));
        assertFitsAPhone();
    }

    /** On a phone the header wraps onto more lines but keeps its links, and nothing scrolls sideways. */
    private void assertFitsAPhone() throws IOException {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            assertTrue(browser.findElement(By.cssSelector("header.site nav.sections a")).isDisplayed());
            assertTrue(browser.findElement(By.cssSelector("header.site form.logout button")).isDisplayed());
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
            HeadlessChromium.screenshotPage(browser, "classes-phone");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** Logs in as this account in a fresh session: the browser forgets whoever was logged in before. */
    private void logInAs(String username, String next) {
        browser.manage().deleteAllCookies();
        logIn(home, username, PASSWORD, next);
    }

    private void makeInstructor(String username) {
        WebElement row = userRow(username);
        assertEquals("learner", row.findElement(By.cssSelector(".roles")).getText());
        row.findElement(By.cssSelector("button.make-instructor")).click();
        await().until(d -> row.findElement(By.cssSelector(".roles")).getText().equals("learner, instructor"));
        assertFalse(hasButton(row), "done once is enough");
    }

    private WebElement userRow(String username) {
        return browser.findElement(By.cssSelector("table.users tr[data-username='" + username + "']"));
    }

    private static boolean hasButton(WebElement row) {
        return !row.findElements(By.cssSelector("button.make-instructor")).isEmpty();
    }

    /** The header's links to the site's sections, as the visitor reads them. */
    private List<String> sectionLinks() {
        return browser.findElements(By.cssSelector("header.site nav.sections a")).stream().map(WebElement::getText)
                .toList();
    }

    /** Types the value into the form's one field (replacing what was there) and sends it. */
    private void send(String form, String value) {
        WebElement element = browser.findElement(By.cssSelector(form));
        WebElement input = element.findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(value);
        element.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** The error shown next to the part's form, once there is one. */
    private String errorOf(WebElement part) {
        WebElement error = part.findElement(By.cssSelector(".class-error"));
        await().until(d -> error.isDisplayed());
        return error.getText();
    }

    private String createdCode(WebElement teaching) {
        WebElement created = await().until(d -> teaching.findElement(By.cssSelector(".created")));
        await().until(d -> created.isDisplayed());
        String code = created.findElement(By.cssSelector(".join-code")).getText();
        assertTrue(code.matches("[A-Z2-9]{8}"), code);
        return code;
    }

    private void clickAndWait(WebElement element) {
        element.click();
        await().until(ExpectedConditions.stalenessOf(element));
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
