package dev.threadlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.submission.Submission;
import dev.threadlab.submission.SubmissionStatus;
import dev.threadlab.submission.SubmissionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sign-up, log-in, tokens, CSRF and roles through the real HTTP API and database. */
@QuarkusTest
@Tag("persistence")
class AccountApiTest {

    @Test
    void signUpLogInAndMeIgnoreCaseAndRefuseShortPasswords() {
        String name = TestAccounts.signUp("Ada");
        given().contentType(ContentType.JSON).body(Map.of("username", name.toUpperCase(), "password", "another password"))
                .post("/api/auth/signup").then().statusCode(409).body("error", containsString("taken"));
        given().contentType(ContentType.JSON).body(Map.of("username", "shorty-" + name, "password", "short"))
                .post("/api/auth/signup").then().statusCode(400).body("error", containsString("at least 10"));
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", name.toUpperCase(), "password", TestAccounts.PASSWORD)).post("/api/auth/login");
        assertEquals(200, login.statusCode(), login.asString());
        String cookie = login.getDetailedCookie(SessionCookie.NAME).toString();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        given().cookie(SessionCookie.NAME, login.getCookie(SessionCookie.NAME)).get("/api/me").then().statusCode(200)
                .body("username", equalTo(name)).body("roles", hasItem("learner"));
        given().get("/api/me").then().statusCode(401);
    }

    @Test
    void wrongPasswordsGet401ThenTheAccountIsThrottledWith429() {
        String name = TestAccounts.signUp("guessed");
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "wrong password " + i))
                    .post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", TestAccounts.PASSWORD))
                .post("/api/auth/login").then().statusCode(429).header("Retry-After", "60");
        given().auth().preemptive().basic(name, TestAccounts.PASSWORD).get("/api/me").then().statusCode(429);
    }

    @Test
    void aTokenActsAsItsUserUntilRevoked() {
        String name = TestAccounts.signUp("scripter");
        String token = TestAccounts.tokenOf(name);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("username", equalTo(name));
        Map<String, Object> listed = given().auth().oauth2(token).get("/api/tokens").then().statusCode(200)
                .extract().jsonPath().getMap("[0]");
        assertTrue(!listed.toString().contains(token), "a listed token shows no secret: " + listed);
        given().auth().oauth2(token).delete("/api/tokens/" + listed.get("id")).then().statusCode(204);
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        given().auth().oauth2("tlt_not-a-token").get("/api/exercises").then().statusCode(401);
    }

    @Test
    void aCookieBorneChangeNeedsTheCsrfTokenAndABearerOneDoesNot() {
        String name = TestAccounts.signUp("browser");
        String session = given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestAccounts.PASSWORD)).post("/api/auth/login")
                .getCookie(SessionCookie.NAME);
        Map<String, Object> draft = Map.of("files", Map.of("Main.java", "class Main {}"));
        given().cookie(SessionCookie.NAME, session).contentType(ContentType.JSON).body(draft)
                .put("/api/drafts/lesson:x").then().statusCode(403).body("error", containsString("CSRF"));
        String csrf = given().cookie(SessionCookie.NAME, session).get("/").getCookie("csrf-token");
        given().cookie(SessionCookie.NAME, session).cookie("csrf-token", csrf).header("X-CSRF-TOKEN", "forged")
                .contentType(ContentType.JSON).body(draft).put("/api/drafts/lesson:x").then().statusCode(403);
        given().cookie(SessionCookie.NAME, session).cookie("csrf-token", csrf).header("X-CSRF-TOKEN", csrf)
                .contentType(ContentType.JSON).body(draft).put("/api/drafts/lesson:x").then().statusCode(200);
        given().auth().oauth2(TestAccounts.tokenOf(name)).contentType(ContentType.JSON).body(draft)
                .put("/api/drafts/lesson:x").then().statusCode(200);
        given().cookie(SessionCookie.NAME, session).contentType(ContentType.URLENC).formParam("next", "/")
                .post("/logout").then().statusCode(403);
    }

    @Test
    void learnersSeeOnlyTheirOwnWorkAndNoInstructorEndpoint() {
        String alice = TestAccounts.learnerToken("alice");
        String bob = TestAccounts.learnerToken("bob");
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("Main.java", "class Main {}"))).put("/api/drafts/exercise:secret")
                .then().statusCode(200);
        given().auth().oauth2(bob).get("/api/drafts/exercise:secret").then().statusCode(404);
        String submission = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("Main.java", "public class Main { public static void main(String[] a) {} }")))
                .post("/api/exercises/roll-call/submissions").then().statusCode(202).extract().path("id");
        given().auth().oauth2(alice).get("/api/submissions/" + submission).then().statusCode(200);
        given().auth().oauth2(bob).get("/api/submissions/" + submission).then().statusCode(404);
        given().auth().oauth2(bob).get("/api/submissions/" + submission + "/trace").then().statusCode(404);
        given().get("/api/submissions/" + submission).then().statusCode(404);
        for (String[] call : new String[][] {{"POST", "/api/exercises/roll-call/regrade"}, {"GET", "/api/admin/users"},
                {"POST", "/api/admin/users/x/roles"}, {"GET", "/api/regrades/x"}, {"GET", "/api/batches/x"}}) {
            given().auth().oauth2(bob).contentType(ContentType.JSON).body("{}").request(call[0], call[1]).then()
                    .statusCode(403);
        }
        given().auth().oauth2(bob).contentType("application/zip").body(new byte[] {1})
                .post("/api/exercises/roll-call/batch").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("files", Map.of("Main.java", "x")))
                .post("/api/exercises/roll-call/submissions").then().statusCode(401)
                .body("error", containsString("Log in"));
        given().get("/api/runs/history").then().statusCode(401);
    }

    @Test
    void anonymousWorkFollowsTheBrowserIntoItsNewAccount() {
        String anonymous = LearnerCookie.newId();
        String before = java.util.UUID.randomUUID().toString();
        store.insert(new Submission(before, "roll-call", anonymous, java.time.Instant.now(), SubmissionStatus.GRADED,
                Map.of("Main.java", "class Main {}"), 1, 5, java.util.List.of(), null, java.time.Instant.now()));
        given().get("/api/submissions/" + before).then().statusCode(200); // as before accounts: the id is the key
        String username = "convert-" + anonymous.substring(0, 8);
        String csrf = given().get("/").getCookie("csrf-token");
        given().cookie(LearnerCookie.NAME, anonymous).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", TestAccounts.PASSWORD)).post("/api/auth/signup")
                .then().statusCode(403);
        given().cookie(LearnerCookie.NAME, anonymous).cookie("csrf-token", csrf).header("X-CSRF-TOKEN", csrf)
                .contentType(ContentType.JSON).body(Map.of("username", username, "password", TestAccounts.PASSWORD))
                .post("/api/auth/signup").then().statusCode(201).body("username", equalTo(username));
        given().auth().oauth2(TestAccounts.tokenOf(username)).get("/api/exercises/roll-call/submissions").then()
                .statusCode(200).body("id", hasItem(before));
        given().get("/api/submissions/" + before).then().statusCode(404);
    }

    @jakarta.inject.Inject
    SubmissionStore store;
}
