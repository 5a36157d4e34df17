import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Watches main's threads while it runs: before GO is printed, the four runners must already exist and be waiting
 * (Thread.State.WAITING: parked or in wait()), not sleeping (TIMED_WAITING) nor spinning (RUNNABLE).
 */
class StartingGunTest {

    @Test
    void theRunnersWaitForTheGun() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        AtomicBoolean mainDone = new AtomicBoolean();
        List<String> seenBeforeGo = new ArrayList<>();
        boolean allFourWaiting = false;
        System.setOut(capture);
        try {
            Thread program = new Thread(() -> {
                try {
                    Main.main(new String[0]);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    mainDone.set(true);
                }
            }, "test-main");
            program.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!mainDone.get() && System.nanoTime() < deadline) {
                Map<String, String> runners = runnerStates();
                boolean goPrinted;
                synchronized (printed) {
                    goPrinted = printed.toString(StandardCharsets.UTF_8).contains("GO");
                }
                if (goPrinted) {
                    break;
                }
                seenBeforeGo.add(runners.toString());
                if (runners.size() == 4 && runners.values().stream().allMatch(s -> s.equals("waiting"))) {
                    allFourWaiting = true;
                }
                Thread.sleep(5);
            }
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> program.join(), "main did not end within 5 s");
        } finally {
            System.setOut(original);
        }
        String last = seenBeforeGo.isEmpty() ? "nothing (GO came at once)" : seenBeforeGo.get(seenBeforeGo.size() - 1);
        assertTrue(allFourWaiting, "before GO, runner-1 to runner-4 must all be started and waiting for the signal "
                + "(as in await() or wait(), not sleeping or spinning); just before GO they were: " + last);
        String output = printed.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertTrue(output.startsWith("GO\n"), "the output must begin with GO, but it was: " + output);
        assertEquals(5, output.lines().count(), "GO and one line for each runner, but the output was: " + output);
    }

    /**
     * What the threads named runner-1 … runner-4 that exist now are doing: "waiting" for a signal (WAITING, or
     * TIMED_WAITING anywhere but in Thread.sleep), else their state, "sleeping" for Thread.sleep.
     */
    private static Map<String, String> runnerStates() {
        Map<String, String> states = new TreeMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread.getName().matches("runner-[1-4]")) {
                states.put(thread.getName(), activity(thread.getState(), entry.getValue()));
            }
        }
        return states;
    }

    private static String activity(Thread.State state, StackTraceElement[] stack) {
        boolean sleeping = Arrays.stream(stack).limit(3)
                .anyMatch(frame -> frame.getClassName().equals("java.lang.Thread") && frame.getMethodName().startsWith("sleep"));
        if (sleeping) {
            return "sleeping";
        }
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING ? "waiting" : state.toString();
    }
}
