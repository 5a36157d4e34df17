package dev.threadlab.run;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static dev.threadlab.run.RunApi.submitAs;
import static dev.threadlab.run.RunApi.view;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With one run slot, later runs wait and report where they are in the queue: in FIFO order for one learner, taking
 * turns between learners, and within each client's limits.
 */
@QuarkusTest
@TestProfile(RunQueueTest.OneSlot.class)
class RunQueueTest {

    public static class OneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threadlab.runs.max-concurrent", "1",
                    "threadlab.runs.per-client.max-active", "4",
                    "threadlab.runs.per-client.max-active-per-address", "6");
        }
    }

    @Inject
    SandboxImage image;

    /**
     * How long each run takes: long enough that no run ends while the test's requests are made against a server
     * that has just started (clean-clone CI saw a 300 ms and an 800 ms run end in between, once runs started faster),
     * because the queue positions and limits it checks count runs waiting or running.
     */
    private static final int RUN_MILLIS = 2000;

    @Test
    void runsBeyondTheLimitQueueInOrder() throws InterruptedException {
        SandboxReady.await(image);
        String source = """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println(System.currentTimeMillis());
                        Thread.sleep(%d);
                    }
                }
                """.formatted(RUN_MILLIS);
        List<String> ids = List.of(submit(program(source)), submit(program(source)), submit(program(source)));
        Map<String, Object> third = view(ids.get(2));
        assertEquals("QUEUED", third.get("status"));
        int position = (Integer) third.get("queuePosition");
        assertTrue(position == 2 || position == 3, "third run is at position " + position);

        long previousStart = 0;
        for (String id : ids) {
            Map<String, Object> result = awaitEnd(id);
            assertEquals("FINISHED", result.get("status"));
            long startedAt = Long.parseLong(((String) result.get("stdout")).strip());
            assertTrue(startedAt >= previousStart + RUN_MILLIS, "runs overlapped or ran out of order");
            previousStart = startedAt;
        }
    }

    @Test
    void aLearnerWithOneRunIsNotStuckBehindAnotherLearnersMany() throws InterruptedException {
        SandboxReady.await(image);
        String busy = "aaaaaaaa-0000-0000-0000-000000000001";
        String patient = "bbbbbbbb-0000-0000-0000-000000000002";
        String source = """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println(System.currentTimeMillis());
                        Thread.sleep(%d);
                    }
                }
                """.formatted(RUN_MILLIS);
        List<String> busyRuns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            busyRuns.add(submitAs(busy, program(source)));
        }
        RunApi.asBrowser(busy).contentType(ContentType.JSON).body(program(source))
                .when().post("/api/runs")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", containsString("4 runs waiting or running"))
                .body("messageKey", org.hamcrest.Matchers.equalTo("tooMany.runs.learner"))
                .body("args.max", org.hamcrest.Matchers.equalTo(4));

        String patientRun = submitAs(patient, program(source));
        int position = (Integer) view(patientRun).get("queuePosition");
        assertTrue(position <= 2, "the second learner's only run waits behind at most one other, not " + position);

        String third = submitAs("cccccccc-0000-0000-0000-000000000003", program(source));
        RunApi.asBrowser("dddddddd-0000-0000-0000-000000000004").contentType(ContentType.JSON)
                .body(program(source)).when().post("/api/runs")
                .then().statusCode(429).body("error", containsString("network address"))
                .body("messageKey", org.hamcrest.Matchers.equalTo("tooMany.runs.address"));

        long patientStart = startedAt(awaitEnd(patientRun));
        List<Long> busyStarts = new ArrayList<>();
        for (String id : busyRuns) {
            busyStarts.add(startedAt(awaitEnd(id)));
        }
        startedAt(awaitEnd(third));
        assertTrue(patientStart < busyStarts.get(2), "the patient learner ran before the busy learner's third run: "
                + patientStart + " vs " + busyStarts);
    }

    private static long startedAt(Map<String, Object> result) {
        assertEquals("FINISHED", result.get("status"), result.toString());
        return Long.parseLong(((String) result.get("stdout")).strip());
    }
}
