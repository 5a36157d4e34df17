package dev.threadlab.run;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run chooses its JDK ({@code "jdk": 21|25}, 25 by default): the program is compiled for it, runs on it, and every
 * JVM it starts from PATH or JAVA_HOME is the same JDK. Real sandbox containers.
 */
@QuarkusTest
class JdkChoiceTest {
    @Inject
    SandboxImage image;
    /** Prints its own JDK's feature version, then that of the JVM it starts as `java` from PATH. */
    private static final String VERSIONS = """
            public class Main {
                public static void main(String[] args) throws Exception {
                    System.out.print(Runtime.version().feature());
                    if (args.length > 0) {
                        return;
                    }
                    System.out.println(" " + System.getenv("JAVA_HOME"));
                    Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", "child")
                            .inheritIO().start();
                    System.exit(child.waitFor());
                }
            }
            """;
    /** java.lang.IO is new in JDK 25 (JEP 512). */
    private static final String NEW_API = "public class Main { public static void main(String[] a) { IO.println(\"hi\"); } }";

    private static Map<String, Object> on(Integer jdk, String source) {
        Map<String, Object> body = program(source);
        if (jdk != null) {
            body.put("jdk", jdk);
        }
        return awaitEnd(submit(body));
    }

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void theProgramAndTheJvmsItStartsRunOnTheJdkChosen() {
        for (int jdk : new int[] {21, 25}) {
            Map<String, Object> run = on(jdk, VERSIONS);
            assertEquals("FINISHED", run.get("status"), String.valueOf(run));
            assertEquals(jdk + " /opt/sandbox/jdk/" + jdk + "\n" + jdk, run.get("stdout"));
            // The tracer reads JDK internals; JDK 25 would warn about it on stderr unless told not to.
            assertEquals("", run.get("stderr"), "JDK " + jdk);
        }
        Map<String, Object> byDefault = on(null, VERSIONS);
        assertEquals("25 /opt/sandbox/jdk/25\n25", byDefault.get("stdout"), String.valueOf(byDefault));
    }

    @Test
    void theProgramMayUseOnlyTheApiOfItsJdk() {
        Map<String, Object> latest = on(25, NEW_API);
        assertEquals("hi\n", latest.get("stdout"), String.valueOf(latest));
        Map<String, Object> older = on(21, NEW_API);
        assertEquals("COMPILE_ERROR", older.get("status"), String.valueOf(older));
    }

    @Test
    void aJdkThatIsNotOfferedIsRefusedWithTheChoices() {
        Map<String, Object> body = program(NEW_API);
        body.put("jdk", 17);
        given().contentType(ContentType.JSON).body(body).when().post("/api/runs")
                .then().statusCode(400)
                .body("messageKey", equalTo("request.unknownJdk"))
                .body("args.choices", equalTo("21, 25"));
    }
}
