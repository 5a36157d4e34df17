package dev.threadlab.classroom;

import static dev.threadlab.classroom.ClassroomApi.EXERCISE;
import static dev.threadlab.classroom.ClassroomApi.as;
import static dev.threadlab.classroom.ClassroomApi.learner;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.Accounts;
import dev.threadlab.account.Role;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Batch grading of 20 folders returns 20 results; and after an instructor changes an exercise's checks, a regrade
 * changes the class's grid. Runs on a copy of the course, so that the checks can change under the running server.
 */
@QuarkusTest
@TestProfile(BatchAndRegradeTest.CopiedCourse.class)
@Tag("persistence")
class BatchAndRegradeTest {
    static final Path COURSE = copyOfTheCourse();

    /** The server reads the copy; its exercise files are re-read when they change. */
    public static class CopiedCourse implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threadlab.lessons.dir", COURSE.toString());
        }
    }

    @Inject
    Accounts accounts;
    @Inject
    SandboxImage image;

    @Test
    void aBatchOfTwentyFoldersComesBackWithTwentyResults() throws Exception {
        SandboxReady.await(image);
        String teacher = instructor();
        byte[] zip = zip(20);
        String batch = as(teacher).contentType("application/zip").body(zip)
                .post("/api/exercises/" + EXERCISE + "/batch").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                .until(() -> as(teacher).get("/api/batches/" + batch).<Boolean>path("finished"));
        JsonPath done = as(teacher).get("/api/batches/" + batch).then().statusCode(200).extract().jsonPath();
        assertEquals(20, done.getInt("total"));
        List<Map<String, Object>> results = done.getList("results");
        assertEquals(20, results.size());
        assertEquals("bad-name", results.get(0).get("folder"));
        assertEquals("ERROR", results.get(0).get("status"), "a file javac cannot take is refused, and counted");
        assertTrue(results.stream().skip(1).allMatch(r -> "GRADED".equals(r.get("status"))), results.toString());
        String csv = as(teacher).get("/api/batches/" + batch + "?format=csv").then().statusCode(200).extract()
                .asString(); // RestAssured decodes as UTF-8 because the server says so
        assertEquals('\uFEFF', csv.charAt(0));
        assertEquals(21, csv.strip().split("\r\n").length, "a header and 20 rows: " + csv);
        as(learner("nosy")).get("/api/batches/" + batch).then().statusCode(403);
    }

    @Test
    void aRegradeAfterTheChecksChangeUpdatesTheGrid() throws Exception {
        SandboxReady.await(image);
        String teacher = instructor();
        Map<String, String> created = ClassroomApi.createClass(teacher, "regrade");
        String classId = created.get("id");
        String code = created.get("joinCode");
        String ada = learner("ada");
        ClassroomApi.join(ada, code).statusCode(200);
        Map<String, Object> before = ClassroomApi.submitAndWait(ada, starter());
        assertEquals(0, before.get("score"), "the starter passes none of the shipped checks: " + before);

        // The instructor replaces both checks by one the starter passes (and its translation follows).
        replaceChecks("exercise.yaml", "  - id: exits\n    name: Exits normally\n    points: 5\n    exitCode: 0\n");
        replaceChecks("exercise.zh-CN.yaml", "  exits: 正常退出\n");
        String regrade = as(teacher).contentType(ContentType.JSON).post("/api/exercises/" + EXERCISE + "/regrade").then().statusCode(202)
                .extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(teacher).get("/api/regrades/" + regrade).<Boolean>path("finished"));
        JsonPath grid = as(teacher).get("/api/classes/" + classId + "/grades").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(grid.prettify().contains("5.0") || grid.prettify().contains("\"score\": 5"), grid.prettify());
        Map<String, Object> after = as(ada).get("/api/submissions/" + before.get("id")).jsonPath().getMap("$");
        assertEquals(5, after.get("score"), after.toString());
        List<Map<String, Object>> history = as(ada).get("/api/submissions/" + before.get("id") + "/history")
                .jsonPath().getList("$");
        assertEquals(List.of(0), history.stream().map(h -> h.get("score")).toList(), "the earlier score is kept");
    }

    private static void replaceChecks(String file, String checks) throws IOException {
        Path yaml = COURSE.resolve("threads/exercises/roll-call").resolve(file);
        String text = Files.readString(yaml);
        Files.writeString(yaml, text.substring(0, text.indexOf("checks:")) + "checks:\n" + checks);
    }

    private String instructor() {
        String name = learner("teacher");
        accounts.grant(name, Role.INSTRUCTOR);
        return name;
    }

    private static Map<String, String> starter() throws IOException {
        return Map.of("Main.java", Files.readString(COURSE.resolve("threads/exercises/roll-call/starter/Main.java")));
    }

    /** One folder with an unusable file name, the rest alternating the starter and a file that does not compile. */
    private static byte[] zip(int folders) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "class/bad-name/not a name.java", "class X {}");
            for (int i = 1; i < folders; i++) {
                String source = i % 5 == 0 ? starter().get("Main.java") : "public class Main { broken " + i + " }";
                put(zip, "class/learner-" + String.format("%02d", i) + "/Main.java", source);
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static Path copyOfTheCourse() {
        try {
            Path target = Files.createTempDirectory("threadlab-course-");
            Path source = Path.of("lessons").toAbsolutePath();
            try (Stream<Path> all = Files.walk(source)) {
                for (Path path : (Iterable<Path>) all::iterator) {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
