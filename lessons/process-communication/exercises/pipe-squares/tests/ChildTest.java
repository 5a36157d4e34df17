import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The child's half on its own: numbers the learner cannot know in advance, read from stdin until it ends. */
class ChildTest {

    @Test
    void theChildSquaresEveryNumberUntilItsInputEnds() {
        Random random = new Random();
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            numbers.add((long) random.nextInt(3_000_000));
        }
        numbers.add(46_341L);
        StringBuilder input = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (long n : numbers) {
            input.append(n).append('\n');
            expected.append(n * n).append('\n');
        }
        String printed = runChildWith(input.toString());
        assertEquals(expected.toString(), printed.replace("\r\n", "\n"),
                "for each number read from stdin the child must print its square on a line of its own, and nothing else");
    }

    @Test
    void theChildEndsWhenItsInputEnds() {
        assertEquals("", runChildWith(""), "with no input the child must print nothing and return");
    }

    /** Runs Main.runChild() with this text as its stdin; it must return (the input ends) within 10 s. */
    private static String runChildWith(String input) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), Main::runChild,
                    "runChild() did not return after its input ended: read until readLine() returns null");
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
