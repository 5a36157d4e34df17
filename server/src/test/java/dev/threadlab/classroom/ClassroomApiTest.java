package dev.threadlab.classroom;

import static dev.threadlab.classroom.ClassroomApi.as;
import static dev.threadlab.classroom.ClassroomApi.createClass;
import static dev.threadlab.classroom.ClassroomApi.deadline;
import static dev.threadlab.classroom.ClassroomApi.join;
import static dev.threadlab.classroom.ClassroomApi.learner;
import static dev.threadlab.classroom.ClassroomApi.submitAndWait;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.Accounts;
import dev.threadlab.account.Role;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Classes through the API with a real database and real grading: an instructor's class, two learners who submit
 * (one on time, one late), and the gradebook as JSON and CSV after the late policy; and who may do what.
 */
@QuarkusTest
@Tag("persistence")
class ClassroomApiTest {
    static final String EXERCISE = ClassroomApi.EXERCISE;

    @Inject
    SandboxImage image;

    @Inject
    Accounts accounts;

    @Inject
    ExerciseRepository exercises;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void anOnTimeAndALateSubmissionCountAsThePolicySaysInJsonAndCsv() throws IOException {
        String teacher = instructor();
        Map<String, String> created = createClass(teacher, "操作系统 2025 A");
        String classId = created.get("id");
        assertTrue(created.get("joinCode").matches("[" + JoinCodes.ALPHABET + "]{8}"), created.toString());
        String ada = learner("ada");
        String bo = learner("波");
        join(ada, created.get("joinCode").toLowerCase()).statusCode(200).body("id", equalTo(classId))
                .body("name", equalTo("操作系统 2025 A"));
        join(ada, created.get("joinCode")).statusCode(200); // twice is fine
        join(bo, created.get("joinCode")).statusCode(200);

        Exercise exercise = exercises.find(EXERCISE).orElseThrow();
        Map<String, Object> onTime = submitAndWait(ada, exercise.solutionFiles());
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        as(teacher).contentType(ContentType.JSON).body(deadline(due, due.plus(1, ChronoUnit.DAYS), 40))
                .put("/api/classes/" + classId + "/deadlines/" + EXERCISE)
                .then().statusCode(200).body("latePercent", equalTo(40));
        Map<String, Object> late = submitAndWait(bo, exercise.solutionFiles());
        assertTrue(Instant.parse((String) late.get("createdAt")).isAfter(due), late.toString());

        BigDecimal adaExpected = adjusted(onTime, 100);
        BigDecimal boExpected = adjusted(late, 40);
        JsonPath grades = as(teacher).get("/api/classes/" + classId + "/grades").then().statusCode(200)
                .extract().jsonPath();
        int column = grades.getList("exercises.id").indexOf(EXERCISE);
        assertEquals(2, grades.getInt("exercises[" + column + "].attempted"));
        assertEquals(2, grades.getInt("exercises[" + column + "].passed"), "a late pass is still a pass");
        assertEquals(adaExpected, cellScore(grades, ada, column));
        assertEquals(boExpected, cellScore(grades, bo, column));
        assertEquals(late.get("id"), cell(grades, bo, column).get("latestSubmissionId"));
        assertEquals("full", cell(grades, ada, column).get("level"));
        assertEquals("partial", cell(grades, bo, column).get("level"));

        byte[] bytes = as(teacher).get("/api/classes/" + classId + "/grades.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0), "the CSV starts with a byte-order mark");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        List<String> header = records.get(0).toList();
        assertEquals("username", header.get(0));
        assertEquals("total", header.get(header.size() - 1));
        assertEquals(grades.getList("exercises.id"), header.subList(1, header.size() - 1), "course order");
        Map<String, CSVRecord> byName = new HashMap<>();
        records.subList(1, records.size()).forEach(r -> byName.put(r.get(0), r));
        assertEquals(adaExpected, new BigDecimal(byName.get(ada).get(column + 1)));
        assertEquals(boExpected, new BigDecimal(byName.get(bo).get(column + 1)));
        assertEquals(boExpected, new BigDecimal(byName.get(bo).get(header.size() - 1)), "the total");
        assertEquals("", byName.get(bo).get(column == 0 ? 2 : 1), "nothing graded is an empty cell");

        // A regrade (the dashboard's button) grades again but keeps when each submission was made, so its lateness.
        String regrade = as(teacher).contentType(ContentType.JSON).body("{}")
                .post("/api/exercises/" + EXERCISE + "/regrade").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> Boolean.TRUE.equals(
                as(teacher).get("/api/regrades/" + regrade).path("finished")));
        JsonPath regraded = as(teacher).get("/api/classes/" + classId + "/grades").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(boExpected, cellScore(regraded, bo, column));
        assertEquals(adaExpected, cellScore(regraded, ada, column));
    }

    @Test
    void theDeadlineThatAppliesIsTheMostGenerousOfTheLearnersClasses() {
        String teacher = instructor();
        String ada = learner("ada");
        Instant due = Instant.parse("2030-01-10T10:00:00Z");
        for (int days : List.of(0, 3)) {
            Map<String, String> group = createClass(teacher, "group +" + days);
            as(teacher).contentType(ContentType.JSON).body(deadline(due.plus(days, ChronoUnit.DAYS), null, 0))
                    .put("/api/classes/" + group.get("id") + "/deadlines/" + EXERCISE).then().statusCode(200);
            join(ada, group.get("joinCode")).statusCode(200);
        }
        as(ada).get("/api/exercises/" + EXERCISE + "/deadline").then().statusCode(200)
                .body("deadline.dueAt", equalTo("2030-01-13T10:00:00Z"))
                .body("deadline.className", equalTo("group +3"))
                .body("deadline.latePercent", equalTo(0));
        given().get("/api/exercises/" + EXERCISE + "/deadline").then().statusCode(200)
                .body("deadline", equalTo(null));
        given().get("/api/exercises/no-such-exercise/deadline").then().statusCode(404);
        List<Map<String, Object>> mine = as(ada).get("/api/classes").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(2, mine.size());
        assertTrue(mine.stream().allMatch(c -> Boolean.FALSE.equals(c.get("teaching")) && c.get("joinCode") == null));
        List<Map<String, Object>> taught = as(teacher).get("/api/classes").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertTrue(taught.stream().allMatch(c -> Boolean.TRUE.equals(c.get("teaching")) && c.get("joinCode") != null));
    }

    @Test
    void inputIsValidatedWithMessagesThatSayWhatToSend() {
        String teacher = instructor();
        as(teacher).contentType(ContentType.JSON).body(Map.of("name", "  ")).post("/api/classes")
                .then().statusCode(400).body("error", containsString("1 to 200 characters"));
        as(teacher).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(201))).post("/api/classes")
                .then().statusCode(400).body("error", containsString("at most 200"));
        as(teacher).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(200))).post("/api/classes")
                .then().statusCode(201);
        String classId = createClass(teacher, "validation").get("id");
        String path = "/api/classes/" + classId + "/deadlines/";
        as(teacher).contentType(ContentType.JSON).body(Map.of("dueAt", "next friday")).put(path + EXERCISE)
                .then().statusCode(400).body("error", containsString("ISO-8601"));
        as(teacher).contentType(ContentType.JSON).body(Map.of("latePercent", 10)).put(path + EXERCISE)
                .then().statusCode(400).body("error", containsString("dueAt is required"));
        as(teacher).contentType(ContentType.JSON).body(deadline(Instant.now(), null, 150)).put(path + EXERCISE)
                .then().statusCode(400).body("error", containsString("0 to 100"));
        Instant due = Instant.now();
        as(teacher).contentType(ContentType.JSON).body(deadline(due, due.minusSeconds(60), 50)).put(path + EXERCISE)
                .then().statusCode(400).body("error", containsString("before dueAt"));
        as(teacher).contentType(ContentType.JSON).body(deadline(due, null, 0)).put(path + "no-such-exercise")
                .then().statusCode(404);
        as(learner("cy")).contentType(ContentType.JSON).body(Map.of("code", "NOPE2345")).post("/api/classes/join")
                .then().statusCode(404).body("error", containsString("No class has the join code 'NOPE2345'"));
    }

    @Test
    void learnersAndOtherInstructorsAreRefusedAndAnonymousVisitorsAskedToLogIn() {
        String teacher = instructor();
        Map<String, String> group = createClass(teacher, "private");
        String classId = group.get("id");
        String ada = learner("ada");
        join(ada, group.get("joinCode")).statusCode(200);

        as(ada).contentType(ContentType.JSON).body(Map.of("name", "mine")).post("/api/classes")
                .then().statusCode(403).body("error", containsString("Only instructors"));
        as(ada).get("/api/classes/" + classId + "/grades").then().statusCode(403);
        as(ada).get("/api/classes/" + classId + "/grades.csv").then().statusCode(403);
        as(ada).contentType(ContentType.JSON).body(deadline(Instant.now(), null, 0))
                .put("/api/classes/" + classId + "/deadlines/" + EXERCISE).then().statusCode(403);
        as(instructor()).get("/api/classes/" + classId + "/grades").then().statusCode(403);
        as(teacher).get("/api/classes/no-such-class/grades").then().statusCode(404);
        as(ada).contentType(ContentType.JSON).body("{}").post("/api/exercises/" + EXERCISE + "/regrade")
                .then().statusCode(403);

        given().get("/api/classes").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/classes").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("code", group.get("joinCode"))).post("/api/classes/join")
                .then().statusCode(401);
        given().get("/api/classes/" + classId + "/grades").then().statusCode(401)
                .body("error", containsString("Log in")).body("messageKey", equalTo("account.logInFirst"))
                .body("args.action.messageKey", equalTo("account.action.seeGrades"));
        given().get("/api/classes/" + classId + "/grades.csv").then().statusCode(401);
    }

    @Test
    void theDashboardPageSpeaksChineseAndSendsOthersAway() {
        String teacher = instructor();
        Map<String, String> group = createClass(teacher, "线程班");
        String page = as(teacher).get("/classes/" + group.get("id") + "?lang=zh-CN").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("加入码") && page.contains(group.get("joinCode")) && page.contains("线程班"), page);
        String ada = learner("ada");
        as(ada).get("/classes/" + group.get("id")).then().statusCode(403).body(containsString("Only the class"));
        as(ada).get("/classes/" + group.get("id") + "?lang=zh-CN").then().statusCode(403)
                .body(containsString("只有这个班级的教师才能查看这个班级的成绩面板。"));
        given().redirects().follow(false).get("/classes/" + group.get("id")).then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fclasses%2F" + group.get("id")));
        as(teacher).get("/submissions/no-such-submission").then().statusCode(404);
    }

    /** A new instructor account; returns its username (the password is {@link #PASSWORD}). */
    String instructor() {
        String name = learner("teacher");
        accounts.grant(name, Role.INSTRUCTOR);
        return name;
    }

    private static BigDecimal adjusted(Map<String, Object> submission, int percent) {
        return BigDecimal.valueOf((Integer) submission.get("score") * percent)
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> row(JsonPath grades, String username) {
        List<Map<String, Object>> rows = grades.getList("learners");
        return rows.stream().filter(r -> username.equals(r.get("username"))).findFirst()
                .orElseThrow(() -> new AssertionError(username + " is not in " + rows));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(JsonPath grades, String username, int column) {
        return ((List<Map<String, Object>>) row(grades, username).get("cells")).get(column);
    }

    private static BigDecimal cellScore(JsonPath grades, String username, int column) {
        Object score = cell(grades, username, column).get("score");
        assertTrue(score != null, username + " has no score");
        return new BigDecimal(score.toString()).setScale(2, RoundingMode.UNNECESSARY);
    }

    @Test
    void anEmptyJoinCodeIsInvalid() {
        String ada = learner("ada");
        join(ada, "   ").statusCode(400).body("error", containsString("join code"));
    }
}
