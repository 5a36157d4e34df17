package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunPathWarmUpTest {

    @Test
    void goesThroughEveryStepOfARunAndLeavesNoFilesBehind() throws IOException {
        long before = warmUpFolders();
        assertTrue(RunPathWarmUp.run(), "every step of the warm-up went through");
        assertEquals(before, warmUpFolders(), "the warm-up removed its folder and trace socket");
    }

    private static long warmUpFolders() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("threadlab-warm-up-run")).count();
        }
    }
}
