package dev.threadlab.run;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static dev.threadlab.run.RunApi.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With one run slot, later runs wait in FIFO order and report where they are in the queue. */
@QuarkusTest
@TestProfile(RunQueueTest.OneSlot.class)
class RunQueueTest {

    public static class OneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threadlab.runs.max-concurrent", "1");
        }
    }

    @Inject
    SandboxImage image;

    @Test
    void runsBeyondTheLimitQueueInOrder() throws InterruptedException {
        SandboxReady.await(image);
        String source = """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println(System.currentTimeMillis());
                        Thread.sleep(800);
                    }
                }
                """;
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
            assertTrue(startedAt >= previousStart + 800, "runs overlapped or ran out of order");
            previousStart = startedAt;
        }
    }
}
