package dev.threadlab.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The shipped lessons, served as pages and as JSON. */
@QuarkusTest
class CoursePagesTest {

    @Test
    void lessonListIsInCourseOrder() {
        given().when().get("/api/lessons").then().statusCode(200)
                .body("id", hasItems("01-threads", "02-processes"))
                .body("[0].id", org.hamcrest.Matchers.equalTo("01-threads"))
                .body("[0].order", org.hamcrest.Matchers.equalTo(1))
                .body("[0].title", not(org.hamcrest.Matchers.emptyString()))
                .body("[0].summary", not(org.hamcrest.Matchers.emptyString()));
    }

    @Test
    void homeLinksToEveryLesson() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("href=\"/lessons/01-threads\""))
                .body(containsString("href=\"/lessons/02-processes\""));
    }

    @Test
    void lessonPageHasRunnableSnippetsAndNavigation() {
        given().when().get("/lessons/01-threads").then().statusCode(200)
                .body(containsString("class=\"runnable\""))
                .body(containsString("rel=\"next\" href=\"/lessons/02-processes\""))
                .body(containsString("/static/bundle/"));
        given().when().get("/lessons/02-processes").then().statusCode(200)
                .body(containsString("rel=\"prev\" href=\"/lessons/01-threads\""))
                .body(containsString("ProcessBuilder"));
    }

    @Test
    void unknownLessonIs404() {
        given().when().get("/lessons/no-such-lesson").then().statusCode(404).body(containsString("Not found"));
        given().when().get("/lessons/..%2F..%2Fetc").then().statusCode(404);
    }

    @Test
    void readinessReportsTheSandbox() {
        given().when().get("/q/health/ready").then()
                .body(containsString("\"name\": \"sandbox\""));
    }
}
