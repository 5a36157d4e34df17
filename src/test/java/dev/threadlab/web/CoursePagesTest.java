package dev.threadlab.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped lessons, served as pages and as JSON. */
@QuarkusTest
class CoursePagesTest {

    @Test
    void lessonListIsInCourseOrder() {
        List<Integer> orders = given().when().get("/api/lessons").then().statusCode(200)
                .body("id", hasItems("01-threads", "02-processes"))
                .body("[0].title", not(org.hamcrest.Matchers.emptyString()))
                .body("[0].summary", not(org.hamcrest.Matchers.emptyString()))
                .body("[0].language", org.hamcrest.Matchers.equalTo("en"))
                .extract().jsonPath().getList("order", Integer.class);
        assertEquals(orders.stream().sorted().toList(), orders);
    }

    @Test
    void pagesFollowTheBrowsersLanguageAndTheSwitchIsRemembered() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("用真实的程序学习进程与线程"))
                .body(containsString("href=\"?lang=en\""));
        given().header("Accept-Language", "en-US,en;q=0.9").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Processes and threads, with real programs"));
        given().header("Accept-Language", "en-US").queryParam("lang", "zh-CN").when().get("/lessons/01-threads")
                .then().statusCode(200)
                .cookie("threadlab_lang", "zh-CN")
                .body(containsString("<html lang=\"zh-CN\">"));
        given().header("Accept-Language", "en-US").cookie("threadlab_lang", "zh-CN").when().get("/lessons/02-processes")
                .then().statusCode(200).body(containsString("<html lang=\"zh-CN\">"));
        given().queryParam("lang", "xx").when().get("/").then().statusCode(200).body(containsString("<html lang=\"en\">"));
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
