package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TracePathWarmUpTest {

    @Test
    void recordsBothReadersLinesAsARunDoesAndLeavesNoFilesBehind() throws IOException {
        long before = warmUpFolders();
        StringBuilder trace = new StringBuilder();

        assertTrue(TracePathWarmUp.run(trace::append), "every step of the warm-up went through");

        assertEquals(before, warmUpFolders(), "the warm-up removed its folder and trace socket");
        // Both readers' lines reached the recorder and were combined as in a run: kernel states with Java's reasons.
        // (Which Java state meets which kernel state depends on how the two readers interleave: not asserted.)
        for (String expected : List.of("\"kind\":\"process\"", "\"javaId\":", "\"state\":\"running\"",
                "\"state\":\"ready\"", "\"javaState\":", "\"virtual\":true", "\"carrierTid\":",
                "\"kind\":\"virtual-threads\"", "\"kind\":\"thread-end\"", "\"kind\":\"process-end\"")) {
            assertTrue(trace.indexOf(expected) >= 0, "the made-up trace has " + expected);
        }
    }

    private static long warmUpFolders() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("threadlab-warm-up-trace")).count();
        }
    }
}
