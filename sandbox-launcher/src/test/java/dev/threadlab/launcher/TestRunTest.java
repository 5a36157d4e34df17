package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.RunSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestRunTest {
    private static final Path TESTS = Path.of("/work/tests");
    private static final Path CLASSES = Path.of("/work/classes");
    private static final Path SOCKET = Path.of("/tmp/results.sock");

    /**
     * Lincheck's agent and jars join a test JVM only when the server says its classes model-check: the agent's
     * Instrumentation is public, and with it any code in the JVM could reach the run's key.
     */
    @Test
    void onlyAModelCheckRunGetsLincheckAndItsAgent() {
        List<String> modelChecked = new TestRun(null, RunSpec.modelChecked(List.of("demo.CounterTest"), 1, List.of(), "00"))
                .testCommand(TESTS, CLASSES, SOCKET);
        assertTrue(modelChecked.contains("-javaagent:" + TestRun.LINCHECK_LIB + "/byte-buddy-agent.jar"), modelChecked.toString());
        assertTrue(modelChecked.stream().anyMatch(a -> a.contains(":" + TestRun.LINCHECK_LIB + "/*:")), modelChecked.toString());
        assertFalse(modelChecked.contains("--module-path"), "Lincheck fails a correct LongAdder beside the runner's module");

        List<String> plain = new TestRun(null, RunSpec.tests(List.of("demo.CounterTest"), 3, List.of(), "00"))
                .testCommand(TESTS, CLASSES, SOCKET);
        assertFalse(plain.stream().anyMatch(a -> a.startsWith("-javaagent") || a.contains(TestRun.LINCHECK_LIB)),
                plain.toString());
        assertTrue(plain.contains("-XX:+DisableAttachMechanism"), plain.toString());
        assertTrue(plain.contains("--module-path") && plain.contains("-m"), "the key stays in the runner's module: " + plain);
    }
}
