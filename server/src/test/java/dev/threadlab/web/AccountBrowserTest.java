package dev.threadlab.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.AccountConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Accounts in a real Chromium, through the pages only: sign up, the header, log out, log in (and a wrong password),
 * the same in Chinese, the account page's API tokens, and a lesson example run by a logged-in learner, whose POST
 * must carry the CSRF header.
 */
@QuarkusTest
class AccountBrowserTest extends ChromiumTest {
    private static final String PASSWORD = "threads-share-memory";

    @Inject
    AccountConfig config;

    @TestHTTPResource("/")
    URL home;

    @TestHTTPResource("/lessons/threads")
    URL threadsLesson;

    @TestHTTPResource("/account")
    URL accountPage;

    @Test
    void signUpLogOutAndLogInAgainThroughTheForms() throws IOException {
        String name = uniqueName();
        browser.get(home + "?lang=en");
        assertEquals(List.of("Log in", "Sign up"), headerItems(), "anonymous: the two links");
        clickAndWait(header().findElement(By.linkText("Sign up")));
        assertEquals("Create an account", heading());
        assertEquals("new-password", field("password").getAttribute("autocomplete"));
        assertEquals("username", field("username").getAttribute("autocomplete"));
        assertEquals(String.valueOf(config.passwordMinLength()), field("password").getAttribute("minlength"));
        assertEquals("At least " + config.passwordMinLength() + " characters.",
                browser.findElement(By.id("password-rule")).getText());
        fill(name, PASSWORD);
        screenshot("signup");
        submit();
        assertEquals(home.toString(), browser.getCurrentUrl(), "back where the Sign up link was clicked");
        assertEquals(List.of(name, "Log out"), headerItems());

        clickAndWait(header().findElement(By.cssSelector("form.logout button")));
        assertEquals(List.of("Log in", "Sign up"), headerItems());

        clickAndWait(header().findElement(By.linkText("Log in")));
        assertEquals("Log in to ThreadLab", heading());
        assertEquals("current-password", field("password").getAttribute("autocomplete"));
        assertNull(field("password").getAttribute("minlength"), "an old, shorter password may still log in");
        fill(name, "not-" + PASSWORD);
        submit();
        assertEquals("Wrong username or password.", browser.findElement(By.cssSelector(".form-error")).getText());
        assertTrue(browser.getCurrentUrl().contains("error=unauthenticated"), browser.getCurrentUrl());
        screenshot("login");

        fill(name, PASSWORD);
        submit();
        assertEquals(home.toString(), browser.getCurrentUrl());
        assertEquals(List.of(name, "Log out"), headerItems());
    }

    @Test
    void theFormsAndTheirErrorsSpeakChinese() {
        browser.get(home + "login?lang=zh-CN");
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("登录 ThreadLab", heading());
        assertEquals("用户名", browser.findElement(By.cssSelector("label[for=username]")).getText());
        assertEquals(List.of("登录", "注册"), headerItems());
        fill(uniqueName(), PASSWORD);
        submit();
        assertEquals("用户名或密码错误。", browser.findElement(By.cssSelector(".form-error")).getText());

        clickAndWait(browser.findElement(By.cssSelector("p.switch a")));
        assertEquals("创建账户", heading(), "the language is remembered on the next page");
        assertEquals("至少 " + config.passwordMinLength() + " 个字符。",
                browser.findElement(By.id("password-rule")).getText());
        String name = uniqueName();
        fill(name, PASSWORD);
        submit();
        assertEquals(List.of(name, "退出登录"), headerItems());
    }

    @Test
    void aLoggedInLearnerRunsALessonExampleAndTheRunCarriesTheCsrfHeader() {
        browser.get(threadsLesson + "?lang=en");
        WebElement signUp = header().findElement(By.linkText("Sign up"));
        assertTrue(signUp.getAttribute("href").endsWith("/signup?next=%2Flessons%2Fthreads"), signUp.getAttribute("href"));
        clickAndWait(signUp);
        String name = uniqueName();
        fill(name, PASSWORD);
        submit();
        assertEquals(threadsLesson.toString(), browser.getCurrentUrl(), "back on the lesson");
        assertEquals(List.of(name, "Log out"), headerItems());

        assertEquals(403L, postRunWithoutCsrfHeader(), "the session cookie alone does not let a POST through");
        WebElement snippet = await().until(d -> d.findElement(By.cssSelector(".snippet .cm-editor"))
                .findElement(By.xpath("ancestor::*[contains(concat(' ', @class, ' '), ' snippet ')][1]")));
        snippet.findElement(By.cssSelector("button.run")).click();
        WebElement status = snippet.findElement(By.cssSelector(".status"));
        await().until(d -> status.getText().startsWith("Finished"));
        assertFalse(snippet.findElement(By.cssSelector("pre.console")).getText().isBlank());
    }

    @Test
    void aLoggedInLearnerSubmitsAnExerciseAndTheSubmissionCarriesTheCsrfHeader() {
        browser.get(home + "signup?lang=en&next=/lessons/locks");
        fill(uniqueName(), PASSWORD);
        submit();
        WebElement exercise = await().until(d -> d.findElement(By.id("exercise-lost-update")));
        await().until(d -> !exercise.findElements(By.cssSelector("button.submit")).isEmpty());
        exercise.findElement(By.cssSelector("button.submit")).click();
        WebElement summary = exercise.findElement(By.cssSelector(".grading-summary"));
        // Waits for the grade, not just the acceptance, so that no grading run outlives the test.
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> summary.getText().startsWith("Score")
                || summary.getAttribute("class").contains("error"));
        assertTrue(summary.getText().startsWith("Score"), summary.getText());
    }

    @Test
    void theAccountPageCreatesATokenShowsItOnceAndRevokesIt() {
        browser.get(home + "?lang=en");
        browser.get(accountPage.toString());
        assertTrue(browser.getCurrentUrl().endsWith("/login?next=/account"), "anonymous: " + browser.getCurrentUrl());
        clickAndWait(browser.findElement(By.cssSelector("p.switch a")));
        String name = uniqueName();
        fill(name, PASSWORD);
        submit();
        assertEquals(accountPage.toString(), browser.getCurrentUrl(), "back on the account page");
        assertEquals(name, browser.findElement(By.cssSelector(".account-username")).getText());
        assertEquals("learner", browser.findElement(By.cssSelector(".account-roles")).getText());
        WebElement none = browser.findElement(By.cssSelector(".no-tokens"));
        await().until(d -> none.isDisplayed());

        browser.findElement(By.id("token-name")).sendKeys("grading script");
        browser.findElement(By.cssSelector("form.new-token button")).click();
        WebElement secret = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("code.secret")));
        assertTrue(browser.findElement(By.cssSelector(".new-token-secret")).getText().contains("shown only this once"));
        WebElement row = await().until(d -> d.findElement(By.cssSelector("table.tokens tbody tr")));
        assertEquals("grading script", row.findElement(By.cssSelector(".name")).getText());
        assertEquals("never", row.findElement(By.cssSelector(".last-used")).getText());
        assertFalse(none.isDisplayed());
        String token = secret.getText();
        given().header("Authorization", "Bearer " + token).when().get("/api/me").then().statusCode(200)
                .body("username", equalTo(name));

        browser.navigate().refresh();
        row = await().until(d -> d.findElement(By.cssSelector("table.tokens tbody tr")));
        assertEquals("grading script", row.findElement(By.cssSelector(".name")).getText());
        assertNotEquals("never", row.findElement(By.cssSelector(".last-used")).getText(), "used once, just now");
        assertFalse(browser.findElement(By.cssSelector(".new-token-secret")).isDisplayed(), "the secret is shown once");
        assertFalse(browser.getPageSource().contains(token));

        row.findElement(By.cssSelector("button.revoke")).click();
        WebElement noTokens = browser.findElement(By.cssSelector(".no-tokens"));
        await().until(d -> noTokens.isDisplayed());
        assertTrue(browser.findElements(By.cssSelector("table.tokens tbody tr")).isEmpty());
        assertFalse(browser.findElement(By.cssSelector("table.tokens")).isDisplayed());
        given().header("Authorization", "Bearer " + token).when().get("/api/me").then().statusCode(401);
    }

    /** What the server answers a Run posted with the page's cookies but without the X-CSRF-TOKEN header. */
    private Object postRunWithoutCsrfHeader() {
        return browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.fetch('/api/runs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ language: 'java', files: [], mainClass: 'Main' }) })
                  .then((response) => done(response.status), (error) => done(String(error)));
                """);
    }

    private static String uniqueName() {
        return "ada-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private WebElement header() {
        return browser.findElement(By.cssSelector("header.site nav.account"));
    }

    /** The header's account part as the learner reads it: its links and buttons. */
    private List<String> headerItems() {
        return header().findElements(By.cssSelector("a, button")).stream().map(WebElement::getText).toList();
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    private void fill(String username, String password) {
        field("username").clear();
        field("username").sendKeys(username);
        field("password").clear();
        field("password").sendKeys(password);
    }

    /** Sends the log-in or sign-up form and waits for the page the server redirects to. */
    private void submit() {
        clickAndWait(browser.findElement(By.cssSelector("form.credentials button[type=submit]")));
    }

    private void clickAndWait(WebElement element) {
        element.click();
        await().until(ExpectedConditions.stalenessOf(element));
    }

    /** A picture of the page at a size that suits the README (the tests' window is tall for the lessons). */
    private void screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1000, 860));
        try {
            HeadlessChromium.screenshotPage(browser, name);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(90));
    }
}
