package dev.threadlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.trace.TraceLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairRunQueueTest {
    private final FairRunQueue queue = new FairRunQueue();

    @Test
    void learnersTakeTurnsAndEachLineStaysInOrder() throws Exception {
        List<Run> busy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            busy.add(run("busy-" + i, "busy"));
        }
        busy.forEach(run -> queue.add(job(run)));
        Run late = run("late-0", "late");
        queue.add(job(late));
        assertEquals(2, late.view().queuePosition(), "the late learner's one run is next but one, not fifth");
        assertEquals(5, busy.get(3).view().queuePosition());

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.add(queue.poll().run().id());
        }
        assertEquals(List.of("busy-0", "late-0", "busy-1", "busy-2", "busy-3"), order);
    }

    @Test
    void aRemovedRunLeavesTheQueueAndTheOthersMoveUp() throws Exception {
        Run first = run("a-0", "a");
        Run second = run("a-1", "a");
        queue.add(job(first));
        queue.add(job(second));
        assertTrue(queue.remove(first));
        assertFalse(queue.remove(first), "only once");
        assertEquals(1, second.view().queuePosition());
        assertSame(second, queue.poll().run());
        assertNull(queue.poll(), "nothing waits");
        assertEquals(0, queue.size());
    }

    static InteractiveJob job(Run run) {
        return new InteractiveJob(run, 0, null, ended -> { });
    }

    static Run run(String id, String learner) {
        RunRequest request = new RunRequest("java", Map.of("Main.java", ""), "Main", null, false);
        return new Run(id, request, new RunClient(learner, "127.0.0.1"), false, new TraceLog(1000, 1000), null);
    }
}
