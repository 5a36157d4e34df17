package dev.threadlab.grading;

import static dev.threadlab.submission.GradingApiTest.grade;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import dev.threadlab.submission.GradingApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A submission that floods its graded runs' traces (hundreds of threads changing state all the time, in an exercise
 * whose checks read the trace, so every run is traced and may be repeated) must not grow the server: graded runs keep
 * their trace within the same budget as interactive runs. Before, one such submission took the server from 1.3 GB
 * to 5 GB.
 */
@QuarkusTest
class GradedTraceFloodTest {

    @Inject
    SandboxImage image;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void aTraceFloodInGradedRunsLeavesTheServersHeapAlone() {
        long before = usedHeapAfterGc();
        Map<String, Object> result = grade("pool-of-four", Map.of("Main.java", """
                import java.util.concurrent.locks.LockSupport;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        Thread[] flippers = new Thread[300];
                        long end = System.nanoTime() + 6_000_000_000L;
                        for (int i = 0; i < flippers.length; i++) {
                            flippers[i] = new Thread(() -> {
                                while (System.nanoTime() < end) {
                                    for (int spin = 0; spin < 20_000; spin++) {
                                        Math.sqrt(spin);
                                    }
                                    LockSupport.parkNanos(200_000);
                                }
                            }, "flipper-" + i);
                            flippers[i].start();
                        }
                        for (Thread flipper : flippers) {
                            flipper.join();
                        }
                        System.out.println("done");
                    }
                }
                """));
        long grown = usedHeapAfterGc() - before;
        assertFalse(checksOf(result).isEmpty(), result.toString());
        assertTrue(grown < 150L * 1024 * 1024, "the server's heap grew by " + (grown >> 20) + " MB");
        System.out.printf("Graded trace flood: server heap grew by %d MB%n", grown >> 20);
    }

    private static java.util.List<Map<String, Object>> checksOf(Map<String, Object> result) {
        return GradingApiTest.checks(result);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
