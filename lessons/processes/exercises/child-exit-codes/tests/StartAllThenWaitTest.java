import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gives the learner's startAllThenWait children of the test's own: shell commands with exit codes it chooses. */
class StartAllThenWaitTest {

    @Test
    void returnsEachChildsExitCodeInOrder() throws Exception {
        Random random = new Random();
        int[] codes = {1 + random.nextInt(100), 101 + random.nextInt(100), 201 + random.nextInt(50)};
        List<ProcessBuilder> children = List.of(shell("sleep 0.3; exit " + codes[0]), shell("exit " + codes[1]),
                shell("sleep 0.1; exit " + codes[2]));
        List<Integer> returned = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Main.startAllThenWait(children),
                "startAllThenWait did not return within 20 s");
        assertEquals(List.of(codes[0], codes[1], codes[2]), returned,
                "the exit codes of the children, in the order of the list");
    }

    /**
     * The first child can only end once the last one has run: a method that waits for a child before it has
     * started all of them never returns.
     */
    @Test
    void startsEveryChildBeforeWaitingForAny() throws Exception {
        Path signal = Files.createTempDirectory("signal").resolve("third-has-run");
        List<ProcessBuilder> children = List.of(
                shell("while [ ! -e '" + signal + "' ]; do sleep 0.05; done; exit 11"),
                shell("exit 22"),
                shell("touch '" + signal + "'; exit 33"));
        List<Integer> returned = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Main.startAllThenWait(children),
                "the first child waits until the third has run, so startAllThenWait must start all three before "
                        + "it waits for any; it did not return within 20 s");
        assertEquals(List.of(11, 22, 33), returned, "the exit codes of the children, in the order of the list");
    }

    private static ProcessBuilder shell(String script) {
        return new ProcessBuilder("sh", "-c", script);
    }
}
