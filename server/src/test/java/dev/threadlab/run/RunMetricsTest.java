package dev.threadlab.run;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator sees at /q/metrics (Prometheus) and /q/health about runs, the queue and the warm pool. */
@QuarkusTest
class RunMetricsTest {

    @Inject
    SandboxImage image;

    @BeforeEach
    void sandboxIsReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void aRunIsCountedByStatusAndTimedByPhase() {
        String before = metrics();
        Map<String, Object> result = RunApi.run("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("measured");
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), String.valueOf(result));
        String after = metrics();
        assertEquals(value(before, "threadlab_runs_total{status=\"FINISHED\"}").orElse(0.0) + 1,
                value(after, "threadlab_runs_total{status=\"FINISHED\"}").orElseThrow(), after);
        for (String phase : new String[] {"queued", "start", "compile", "run", "report"}) {
            String count = "threadlab_run_phase_seconds_count{phase=\"" + phase + "\"}";
            assertTrue(value(after, count).orElseThrow() > value(before, count).orElse(0.0), phase + " was not timed");
            assertTrue(value(after, "threadlab_run_phase_seconds{phase=\"" + phase + "\",quantile=\"0.5\"}").isPresent(),
                    "no median for " + phase);
        }
        assertTrue(value(after, "threadlab_sandbox_executions_total{outcome=\"EXITED\"}").orElseThrow() >= 1);
    }

    @Test
    void theQueueThePoolAndTheLiveContainersAreGauged() {
        String metrics = metrics();
        assertEquals(0.0, value(metrics, "threadlab_queue_length{lane=\"interactive\"}").orElseThrow());
        assertEquals(0.0, value(metrics, "threadlab_queue_length{lane=\"grading\"}").orElseThrow());
        double ready = value(metrics, "threadlab_pool_containers{state=\"ready\"}").orElseThrow();
        assertTrue(value(metrics, "threadlab_pool_containers{state=\"starting\"}").isPresent());
        assertTrue(value(metrics, "threadlab_pool_target").orElseThrow() >= 1);
        assertTrue(value(metrics, "threadlab_sandbox_containers_alive").orElseThrow() >= ready, metrics);
        assertTrue(value(metrics, "threadlab_pool_claims_total{result=\"warm\"}").isPresent());
    }

    @Test
    void healthShowsThePool() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'sandbox' }.data.poolEnabled", org.hamcrest.Matchers.is(true))
                .body("checks.find { it.name == 'sandbox' }.data.poolTarget", org.hamcrest.Matchers.greaterThan(0))
                .body("checks.find { it.name == 'sandbox' }.data.poolReady", org.hamcrest.Matchers.notNullValue())
                .body("checks.find { it.name == 'sandbox' }.data.containersAlive", org.hamcrest.Matchers.notNullValue());
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample line, e.g. {@code threadlab_pool_target 3.0}. */
    private static Optional<Double> value(String metrics, String sample) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " ([0-9.Ee+-]+)$").matcher(metrics);
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }
}
