import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Calls Main.stop with children of the test's own making: small shell programs, one that SIGTERM ends at once and
 * one that ignores SIGTERM. Each says "ready" once it is set up, so the signal never comes too early.
 */
class StopTest {

    @Test
    void returnsAsSoonAsAPoliteChildHasEnded() throws Exception {
        Stopped stopped = stop("echo ready; exec sleep 30");
        assertEquals(143, stopped.exitCode(), "a child that SIGTERM ends at once exits with 143 (128 + 15)");
        long millis = stopped.millis();
        if (millis >= 1990) {
            fail("stop() took " + millis + " ms for a child that SIGTERM ends at once: wait at most GRACE_SECONDS,"
                    + " and no longer than the child needs to end");
        }
    }

    @Test
    void killsAChildThatIgnoresSigtermAfterTheGrace() throws Exception {
        Stopped stopped = stop("trap '' TERM; echo ready; while :; do sleep 1; done");
        assertEquals(137, stopped.exitCode(), "a child that ignores SIGTERM must be killed (SIGKILL): exit code 137 (128 + 9)");
        long millis = stopped.millis();
        if (millis < 1900) {
            fail("stop() killed a child that ignores SIGTERM after only " + millis + " ms: give it GRACE_SECONDS"
                    + " (2 s) to end before you force it");
        }
    }

    /** What Main.stop returned, and how long it took. */
    private record Stopped(int exitCode, long millis) {
    }

    /**
     * Starts sh with the script, waits until it has printed "ready", and calls Main.stop on it, waiting at most
     * 8 s; stop must have ended the child by the time it returns.
     */
    private static Stopped stop(String script) throws Exception {
        Process child = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
        assertEquals("ready", first, "the test's child did not start");
        ExecutorService caller = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "caller");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Stopped> call = caller.submit(() -> {
                long began = System.nanoTime();
                int exitCode = Main.stop(child);
                return new Stopped(exitCode, (System.nanoTime() - began) / 1_000_000);
            });
            Stopped stopped = call.get(8, TimeUnit.SECONDS);
            if (child.isAlive()) {
                fail("stop() returned while the child was still running");
            }
            return stopped;
        } catch (TimeoutException e) {
            child.destroyForcibly();
            return fail("stop() had not returned 8 s after it was called: it waits for a child that will not end"
                    + " by itself (a plain waitFor()?)");
        } finally {
            caller.shutdownNow();
            child.destroyForcibly();
        }
    }
}
