package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.TestReport;
import dev.threadlab.trace.TraceLog;
import dev.threadlab.trace.TraceParser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a graded run keeps is bounded whatever the sandbox sends: the trace budget and a cap on test reports. */
@QuarkusTest
class GradingSandboxTest {

    @Inject
    TraceParser traceParser;

    @Test
    void aFloodOfTraceEventsAndTestReportsIsKeptWithinItsBounds() {
        long budget = 64 * 1024;
        GradingSandbox.Collector collector = new GradingSandbox.Collector(traceParser, new TraceLog(budget, 100_000), 25);
        StringBuilder batch = new StringBuilder();
        for (int t = 0; t < 200_000; t++) {
            batch.append("{\"kind\":\"state\",\"t\":").append(t).append(",\"pid\":7,\"tid\":").append(8 + t % 4)
                    .append(",\"state\":\"").append(t % 2 == 0 ? "running" : "ready").append("\"}\n");
            if (t % 1000 == 999) {
                collector.trace(batch.toString());
                batch.setLength(0);
            }
        }
        for (int i = 0; i < 10_000; i++) {
            collector.testReport(new TestReport(1 + i / 2, "SomeTest", "test" + i % 2, true, ""));
        }
        GradingRun run = collector.result(new SandboxOutcome(SandboxOutcome.Kind.EXITED, 0, null), System.nanoTime());
        assertTrue(run.trace().size() < 3000, "kept " + run.trace().size() + " of 200000 trace events");
        assertTrue(run.trace().stream().anyMatch(e -> "note".equals(e.kind())), "the trace says it was cut");
        assertEquals(25, run.testReports().size());
    }

    @Test
    void theReportCapFollowsTheTestsDeclared() {
        Map<String, String> tests = Map.of("ATest.java", """
                class ATest {
                    @Test void one() { }
                    @RepeatedTest(3) void two() { }
                    @ParameterizedTest @ValueSource(ints = {1, 2}) void three(int n) { }
                    @TestMethodOrder(MethodOrderer.class) void notATest() { }
                }
                """);
        assertEquals(3, GradingSandbox.testCount(tests));
    }
}
