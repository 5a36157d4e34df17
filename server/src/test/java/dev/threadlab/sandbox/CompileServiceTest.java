package dev.threadlab.sandbox;

import static dev.threadlab.run.RunApi.run;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.threadlab.protocol.CompileOrder;
import dev.threadlab.protocol.JavaRelease;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compile service against a real engine: it compiles for runs, it is locked down, and a request it does not answer
 * in time retires it without costing the run anything but the time limit.
 */
@QuarkusTest
class CompileServiceTest {
    private static final CompileOrder ENGLISH = new CompileOrder(JavaRelease.DEFAULT, null);
    private static final Map<String, String> HELLO = Map.of("Main.java",
            "public class Main { public static void main(String[] a) { System.out.println(\"hello\"); } }");

    @Inject
    CompileService compiler;

    @Inject
    SandboxImage image;

    @Inject
    DockerClient docker;

    @Inject
    SandboxConfig config;

    @Inject
    SandboxOwner owner;

    @BeforeEach
    void serviceIsUp() throws InterruptedException {
        SandboxReady.await(image);
        await().atMost(Duration.ofSeconds(60)).until(() -> compiler.state().up());
    }

    @Test
    void itCompilesAProgramIntoClassesAndAMistakeIntoMessages() throws Exception {
        CompileAnswer.Result hello = compiler.compile(Map.of("demo/Main.java",
                "package demo; public class Main { class Inner { } public static void main(String[] a) { } }",
                "notes.txt", "not java"), ENGLISH).orElseThrow();
        assertTrue(hello.compiled());
        assertEquals(List.of("demo.Main", "demo.Main$Inner"), hello.classes().keySet().stream().sorted().toList());
        CompileAnswer.Result broken = compiler.compile(Map.of("Broken.java", "class Broken {\n  int x = ;\n}\n"), ENGLISH)
                .orElseThrow();
        assertFalse(broken.compiled());
        CompileDiagnostic error = broken.diagnostics().get(0);
        assertEquals("Broken.java", error.file());
        assertEquals(2, error.line());
        assertEquals("error", error.severity());
        assertTrue(error.message().contains("illegal start of expression"), error.message());
        // A Chinese page's run: the same service says it in Chinese.
        CompileAnswer.Result chinese = compiler.compile(Map.of("Broken.java", "class Broken {\n  int x = ;\n}\n"),
                new CompileOrder(JavaRelease.DEFAULT, "zh-CN")).orElseThrow();
        assertTrue(chinese.diagnostics().get(0).message().contains("非法的表达式开始"),
                chinese.diagnostics().get(0).message());
    }

    /** The service's compiler is JDK 25's: JDK 21's classes come from {@code --release 21}, with only 21's API. */
    @Test
    void itCompilesForTheReleaseAskedFor() throws Exception {
        Map<String, String> newApi = Map.of("Main.java", "class Main { void f() { IO.println(\"hi\"); } }");
        CompileAnswer.Result latest = compiler.compile(newApi, ENGLISH).orElseThrow();
        assertTrue(latest.compiled(), String.valueOf(latest.diagnostics()));
        assertEquals(69, majorVersion(latest.classes().get("Main")), "a JDK 25 class file");
        CompileAnswer.Result older = compiler.compile(newApi, new CompileOrder(JavaRelease.JDK_21, null)).orElseThrow();
        assertFalse(older.compiled(), "java.lang.IO is new in JDK 25");
        assertTrue(older.diagnostics().get(0).message().contains("cannot find symbol"), older.diagnostics().toString());
        CompileAnswer.Result hello = compiler.compile(HELLO, new CompileOrder(JavaRelease.JDK_21, null)).orElseThrow();
        assertEquals(65, majorVersion(hello.classes().values().iterator().next()), "a JDK 21 class file");
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    @Test
    void runsAreCompiledByTheServiceAndStillRunInTheirOwnContainer() {
        long answered = compiler.state().answered();
        Map<String, Object> result = run(HELLO.get("Main.java"));
        assertEquals("FINISHED", result.get("status"), String.valueOf(result));
        assertEquals("hello\n", result.get("stdout"));
        assertTrue(compiler.state().answered() > answered, "the run's sources went to the compile service");
        Map<String, Object> broken = run("public class Main { void f() { int x = } }");
        assertEquals("COMPILE_ERROR", broken.get("status"), String.valueOf(broken));
    }

    @Test
    void theServiceIsLockedDown() {
        InspectContainerResponse service = docker.inspectContainerCmd(compiler.containerId()).exec();
        assertEquals("10000:10000", service.getConfig().getUser());
        assertEquals("none", service.getHostConfig().getNetworkMode());
        assertTrue(service.getHostConfig().getReadonlyRootfs());
        assertEquals(List.of("ALL"), List.of(service.getHostConfig().getCapDrop()).stream().map(Object::toString).toList());
        assertTrue(service.getHostConfig().getCapAdd() == null || service.getHostConfig().getCapAdd().length == 0,
                "no capability added");
        assertTrue(service.getHostConfig().getSecurityOpts().contains("no-new-privileges"));
        assertEquals(config.compiler().memory().asLongValue(), service.getHostConfig().getMemory());
    }

    /**
     * javac takes time exponential in the nesting of generic calls whose arguments are generic calls: {@code
     * List.of(List.of(..), List.of(..))} nested 9 deep takes tens of seconds. A learner can write that by accident.
     */
    @Test
    void aCompilationThatTakesTooLongRetiresTheServiceAndANewOneTakesOver() throws Exception {
        CompileService own = new CompileService(docker, withCompilerTimeout(Duration.ofSeconds(1)), image, owner,
                new SimpleMeterRegistry());
        try {
            own.ensureRunning();
            String first = own.containerId();
            assertNotNull(first, "the service started");
            assertTrue(own.compile(HELLO, ENGLISH).orElseThrow().compiled());
            String nested = "List.of(1)";
            for (int i = 0; i < 9; i++) {
                nested = "List.of(" + nested + ", " + nested + ")";
            }
            long start = System.nanoTime();
            Optional<CompileAnswer.Result> slow = own.compile(Map.of("Slow.java",
                    "import java.util.*; class Slow { Object v = " + nested + "; }"), ENGLISH);
            assertTrue(slow.isEmpty(), "no answer: the run compiles in its own container");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000, "given up after the timeout");
            assertFalse(own.state().up());
            assertEquals(1, own.state().restarts());
            await().atMost(Duration.ofSeconds(10)).until(() -> !exists(first));
            own.ensureRunning();
            assertTrue(own.compile(HELLO, ENGLISH).orElseThrow().compiled(), "a new service answers");
        } finally {
            String last = own.containerId();
            own.close();
            if (last != null) {
                assertFalse(exists(last), "the service's container outlived it");
            }
        }
    }

    private boolean exists(String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    private SandboxConfig withCompilerTimeout(Duration timeout) {
        SandboxConfig.Compiler compiler = config.compiler();
        SandboxConfig.Compiler quick = new SandboxConfig.Compiler() {
            public boolean enabled() {
                return true;
            }

            public Duration timeout() {
                return timeout;
            }

            public io.quarkus.runtime.configuration.MemorySize memory() {
                return compiler.memory();
            }
        };
        return new SandboxConfig() {
            public Image image() {
                return config.image();
            }

            public Limits limits() {
                return config.limits();
            }

            public Hardening hardening() {
                return config.hardening();
            }

            public Pool pool() {
                return config.pool();
            }

            public Compiler compiler() {
                return quick;
            }

            public Optional<String> dockerHost() {
                return config.dockerHost();
            }

            public String label() {
                return config.label();
            }
        };
    }
}
