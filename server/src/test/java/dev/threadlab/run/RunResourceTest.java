package dev.threadlab.run;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.run;
import static dev.threadlab.run.RunApi.submit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.ContainerReaper;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import dev.threadlab.sandbox.WarmPool;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real programs in real containers, through the HTTP API. */
@QuarkusTest
class RunResourceTest {

    @Inject
    SandboxImage image;
    @Inject
    ContainerReaper reaper;

    @Inject
    WarmPool pool;

    @BeforeEach
    void sandboxIsReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @AfterEach
    void noContainerOutlivesItsRun() throws InterruptedException {
        assertEquals(List.of(), SandboxReady.leftoverContainers(reaper, pool));
    }

    @Test
    void helloWorldFinishesWithItsOutput() {
        Map<String, Object> result = run("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("hi");
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"));
        assertEquals(0, result.get("exitCode"));
        assertEquals("hi\n", result.get("stdout"));
        assertEquals("", result.get("stderr"));
    }

    @Test
    void compileErrorReportsFileLineAndColumn() {
        Map<String, Object> result = run("""
                public class Main {
                    public static void main(String[] args) {
                        int x = "text";
                    }
                }
                """);
        assertEquals("COMPILE_ERROR", result.get("status"));
        List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) result.get("diagnostics");
        assertEquals(1, diagnostics.size());
        Map<String, Object> error = diagnostics.get(0);
        assertEquals("Main.java", error.get("file"));
        assertEquals(3, error.get("line"));
        assertEquals(17, error.get("column"));
        assertEquals("error", error.get("severity"));
        assertTrue(((String) error.get("message")).contains("incompatible types"), error.toString());
    }

    /** The reader's language picks the compiler's, as for pages: ?lang=, the cookie, or Accept-Language. */
    @Test
    void aChineseReaderGetsTheCompilersMessagesInChinese() {
        Map<String, Object> broken = RunApi.program("public class Main { int x = \"text\"; }");
        for (io.restassured.specification.RequestSpecification reader : List.of(
                given().queryParam("lang", "zh-CN"), given().cookie("threadlab_lang", "zh-CN"),
                given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"))) {
            String id = reader.contentType(ContentType.JSON).body(broken).when().post("/api/runs")
                    .then().statusCode(202).extract().path("id");
            Map<String, Object> result = RunApi.awaitEnd(id);
            List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) result.get("diagnostics");
            assertTrue(((String) diagnostics.get(0).get("message")).contains("不兼容的类型"), result.toString());
        }
    }

    @Test
    void twoThreadsBothRunAndJoin() {
        Map<String, Object> result = run("""
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        Runnable work = () -> System.out.println("hello from " + Thread.currentThread().getName());
                        Thread a = new Thread(work, "worker-a");
                        Thread b = new Thread(work, "worker-b");
                        a.start();
                        b.start();
                        a.join();
                        b.join();
                        System.out.println("both done");
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"));
        String stdout = (String) result.get("stdout");
        assertTrue(stdout.contains("hello from worker-a\n") && stdout.contains("hello from worker-b\n"), stdout);
        assertTrue(stdout.endsWith("both done\n"), stdout);
    }

    @Test
    void parentJvmStartsChildJvmsAndReadsTheirExitCodes() {
        Map<String, Object> result = run("""
                import java.util.ArrayList;
                import java.util.List;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        if (args.length > 0) {
                            System.out.println("child " + args[0] + " pid " + ProcessHandle.current().pid());
                            if (args[0].equals("sleeper")) {
                                Thread.sleep(60_000);
                            }
                            System.exit(Integer.parseInt(args[0]));
                        }
                        long parent = ProcessHandle.current().pid();
                        List<Process> children = new ArrayList<>();
                        for (String code : List.of("0", "3", "sleeper")) {
                            children.add(new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", code)
                                    .inheritIO().start());
                        }
                        Thread.sleep(1500);
                        children.get(2).destroy();
                        for (Process child : children) {
                            System.out.println("exit " + child.waitFor() + " parent-is-me "
                                    + (child.toHandle().parent().map(p -> p.pid() == parent).orElse(true)));
                        }
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), String.valueOf(result));
        String stdout = (String) result.get("stdout");
        Matcher exits = Pattern.compile("exit (\\d+) parent-is-me true").matcher(stdout);
        StringBuilder codes = new StringBuilder();
        while (exits.find()) {
            codes.append(exits.group(1)).append(' ');
        }
        assertEquals("0 3 143 ", codes.toString(), stdout);
        assertTrue(stdout.contains("child 0 pid") && stdout.contains("child 3 pid") && stdout.contains("child sleeper pid"), stdout);
    }

    @Test
    void stdinFromTheRequestIsEchoedUntilEndOfInput() {
        Map<String, Object> body = program("""
                import java.io.BufferedReader;
                import java.io.InputStreamReader;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
                        String line;
                        while ((line = in.readLine()) != null) {
                            System.out.println("echo: " + line);
                        }
                        System.out.println("end of input");
                    }
                }
                """);
        body.put("stdin", "one\ntwo 二\n");
        Map<String, Object> result = awaitEnd(submit(body));
        assertEquals("FINISHED", result.get("status"));
        assertEquals("echo: one\necho: two 二\nend of input\n", result.get("stdout"));
    }

    @Test
    void nonZeroExitCodeIsReported() {
        Map<String, Object> result = run("""
                public class Main {
                    public static void main(String[] args) {
                        throw new IllegalStateException("boom");
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"));
        assertEquals(1, result.get("exitCode"));
        assertTrue(((String) result.get("stderr")).contains("IllegalStateException: boom"));
    }

    @Test
    void cancelStopsARunningProgramPromptly() {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("started");
                        Thread.sleep(60_000);
                    }
                }
                """));
        await().atMost(Duration.ofSeconds(60)).until(() -> RunApi.status(id).equals("RUNNING"));
        long cancelledAt = System.nanoTime();
        given().contentType(ContentType.JSON).post("/api/runs/" + id + "/cancel").then().statusCode(202);
        Map<String, Object> result = awaitEnd(id);
        long tookMs = (System.nanoTime() - cancelledAt) / 1_000_000;
        assertEquals("CANCELLED", result.get("status"));
        // The contract is "within a second"; the margin absorbs a loaded CI machine.
        assertTrue(tookMs < 3000, "cancel took " + tookMs + " ms");
    }

    @Test
    void onlyTheLearnerWhoStartedARunMayCancelIt() {
        String owner = "aaaaaaaa-1111-0000-0000-000000000001";
        String stranger = "bbbbbbbb-1111-0000-0000-000000000002";
        String sleeper = """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("started");
                        Thread.sleep(60_000);
                    }
                }
                """;
        String id = RunApi.submitAs(owner, program(sleeper));
        await().atMost(Duration.ofSeconds(60)).until(() -> RunApi.status(id).equals("RUNNING"));
        RunApi.asBrowser(stranger).post("/api/runs/" + id + "/cancel")
                .then().statusCode(403).body("error", containsString("Only the learner who started this run"));
        given().contentType(ContentType.JSON).post("/api/runs/" + id + "/cancel").then().statusCode(403); // same address, but no cookie
        assertEquals("RUNNING", RunApi.status(id), "the run goes on");
        RunApi.asBrowser(owner).post("/api/runs/" + id + "/cancel").then().statusCode(202);
        assertEquals("CANCELLED", awaitEnd(id).get("status"));

        String anonymous = submit(program(sleeper)); // no cookie: the owner is this address without a cookie
        RunApi.asBrowser(stranger).post("/api/runs/" + anonymous + "/cancel").then().statusCode(403);
        given().contentType(ContentType.JSON).post("/api/runs/" + anonymous + "/cancel").then().statusCode(202);
        assertEquals("CANCELLED", awaitEnd(anonymous).get("status"));
    }

    @Test
    void badRequestsGetAClearJsonError() {
        String source = "public class Main { public static void main(String[] a) {} }";
        postExpecting400(Map.of("language", "java", "files", Map.of(), "mainClass", "Main"), "No files");
        postExpecting400(Map.of("language", "cobol", "files", Map.of("Main.java", source), "mainClass", "Main"), "Unknown language");
        postExpecting400(Map.of("language", "java", "files", Map.of("../evil/Main.java", source), "mainClass", "Main"), "Invalid file name");
        postExpecting400(Map.of("language", "java", "files", Map.of("/etc/Main.java", source), "mainClass", "Main"), "Invalid file name");
        postExpecting400(Map.of("language", "java", "files", Map.of("Main.java", source), "mainClass", "Main; rm -rf /"), "mainClass");
        postExpecting400(Map.of("language", "java", "files", Map.of("Main.java", "//" + "x".repeat(300_000)), "mainClass", "Main"), "limit");
        given().contentType(ContentType.JSON).body("{\"language\":\"java\",\"files\":{\"Main.java\":\"\\ud800\"},\"mainClass\":\"Main\"}")
                .when().post("/api/runs").then().statusCode(400).body("error", containsString("UTF-8"));
        given().contentType(ContentType.JSON).body(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                .when().post("/api/runs").then().statusCode(400).body("error", containsString("UTF-8"));
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/runs").then().statusCode(400).body("error", containsString("not valid JSON"));
    }

    @Test
    void unknownRunIs404() {
        given().when().get("/api/runs/no-such-run").then().statusCode(404).body("error", containsString("no-such-run"));
        given().contentType(ContentType.JSON).post("/api/runs/no-such-run/cancel").then().statusCode(404);
    }

    private static void postExpecting400(Map<String, Object> body, String errorPart) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/runs")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString(errorPart))
                .body("messageKey", org.hamcrest.Matchers.startsWith("request."));
    }
}
