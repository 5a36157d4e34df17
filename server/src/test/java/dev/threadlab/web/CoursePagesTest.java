package dev.threadlab.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
                .body("id", hasItems("multitasking", "processes", "threads", "locks", "virtual-threads"))
                .body("[0].title", not(org.hamcrest.Matchers.emptyString()))
                .body("[0].summary", not(org.hamcrest.Matchers.emptyString()))
                .body("[0].language", org.hamcrest.Matchers.equalTo("en"))
                .extract().jsonPath().getList("order", Integer.class);
        assertEquals(orders.stream().sorted().toList(), orders);
    }

    /** The lessons listed by the API, read as a learner reads them, teach what a Java concurrency course must. */
    @Test
    void theCourseTeachesTheToolsOfJavaConcurrency() {
        List<String> ids = given().when().get("/api/lessons").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertTrue(ids.size() >= 17, "at least 17 lessons: " + ids);
        StringBuilder course = new StringBuilder();
        for (String id : ids) {
            course.append(given().when().get("/lessons/" + id).then().statusCode(200).extract().asString());
        }
        for (String topic : List.of("volatile", "AtomicLong", "LongAdder", "ConcurrentHashMap", "interrupt",
                "Future.cancel", "Semaphore", "ReadWriteLock", "ForkJoinPool", "parallel()", "jstack")) {
            assertTrue(course.indexOf(topic) >= 0, "no lesson mentions " + topic);
        }
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
        given().header("Accept-Language", "en-US").queryParam("lang", "zh-CN").when().get("/lessons/threads")
                .then().statusCode(200)
                .cookie("threadlab_lang", "zh-CN")
                .body(containsString("<html lang=\"zh-CN\">"));
        given().header("Accept-Language", "en-US").cookie("threadlab_lang", "zh-CN").when().get("/lessons/processes")
                .then().statusCode(200).body(containsString("<html lang=\"zh-CN\">"));
        given().queryParam("lang", "xx").when().get("/").then().statusCode(200).body(containsString("<html lang=\"en\">"));
        // The API picks the language the same way: the remembered choice beats the browser's.
        given().header("Accept-Language", "en-US").cookie("threadlab_lang", "zh-CN").when().get("/api/exercises/lost-update")
                .then().statusCode(200).body("title", org.hamcrest.Matchers.not(containsString("update")));
        given().header("Accept-Language", "zh-CN").queryParam("lang", "en").when().get("/api/exercises/lost-update")
                .then().statusCode(200).body("title", containsString("update"));
    }

    @Test
    void theRememberedThemeIsRenderedByTheServerAndOnlyAKnownOne() {
        given().cookie("threadlab_theme", "dark").when().get("/lessons/threads").then().statusCode(200)
                .body(containsString("<html lang=\"en\" data-theme=\"dark\">"))
                .body(containsString("class=\"theme-toggle\" aria-pressed=\"true\""));
        given().cookie("threadlab_theme", "\"><script>alert(1)</script>").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(not(containsString("alert(1)")));
        given().when().get("/").then().statusCode(200).body(containsString("aria-pressed=\"false\""));
    }

    @Test
    void homeLinksToEveryLesson() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("href=\"/lessons/multitasking\""))
                .body(containsString("href=\"/lessons/processes\""))
                .body(containsString("href=\"/lessons/virtual-threads\""));
    }

    @Test
    void lessonPageHasRunnableSnippetsAndNavigation() {
        given().when().get("/lessons/processes").then().statusCode(200)
                .body(containsString("class=\"runnable\""))
                .body(containsString("rel=\"prev\" href=\"/lessons/multitasking\""))
                .body(containsString("rel=\"next\" href=\"/lessons/process-pools\""))
                .body(containsString("ProcessBuilder"))
                .body(containsString("/static/bundle/"));
    }

    @Test
    void aLessonReadsInChineseWithTheSameExamples() {
        String english = given().queryParam("lang", "en").when().get("/lessons/threads").then().statusCode(200)
                .extract().asString();
        String chinese = given().queryParam("lang", "zh-CN").when().get("/lessons/threads").then().statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("线程"))
                .extract().asString();
        assertEquals(english.split("class=\"runnable\"").length, chinese.split("class=\"runnable\"").length,
                "the same number of runnable examples");
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
