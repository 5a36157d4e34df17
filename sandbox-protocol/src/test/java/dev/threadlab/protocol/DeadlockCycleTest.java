package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlockCycleTest {

    @Test
    void aCycleSurvivesTheTrip() throws Exception {
        DeadlockCycle cycle = new DeadlockCycle(List.of(
                new DeadlockCycle.Wait("left", "java.lang.Object@1b", "right", List.of("java.lang.Object@2c")),
                new DeadlockCycle.Wait("right", "java.lang.Object@2c", "left", List.of())));
        assertEquals(cycle, DeadlockCycle.fromJson(cycle.toJson(LauncherFrame.DEADLOCK.maxPayload())));
    }

    /** Thread names are the learner's: long ones are cut, and a huge cycle keeps what fits the frame. */
    @Test
    void itFitsItsFrameWhateverTheLearnerNamedThings() throws Exception {
        List<DeadlockCycle.Wait> waits = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            waits.add(new DeadlockCycle.Wait("t".repeat(10_000) + i, "L" + i, "owner" + i, List.of("\"quoted\"")));
        }
        byte[] json = new DeadlockCycle(waits).toJson(LauncherFrame.DEADLOCK.maxPayload());
        assertTrue(json.length <= LauncherFrame.DEADLOCK.maxPayload(), json.length + " bytes");
        DeadlockCycle read = DeadlockCycle.fromJson(json);
        assertTrue(read.waits().size() > 10 && read.waits().size() < 2000, read.waits().size() + " waits");
        assertEquals(DeadlockCycle.MAX_NAME, read.waits().get(0).thread().length());
        assertEquals(List.of("\"quoted\""), read.waits().get(0).holds());
    }

    @Test
    void anythingElseIsAViolation() {
        for (String bad : List.of("Deadlock: \"a\" waits for L", "{}", "{\"waits\":[]}",
                "{\"waits\":[{\"thread\":\"a\",\"lock\":\"L\"}]}",
                "{\"waits\":[{\"thread\":\"a\",\"lock\":\"L\",\"owner\":\"b\",\"exec\":\"sh\"}]}",
                "{\"waits\":[{\"thread\":1,\"lock\":\"L\",\"owner\":\"b\"}]}")) {
            assertThrows(ProtocolViolation.class, () -> DeadlockCycle.fromJson(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
