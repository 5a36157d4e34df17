package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LowPriorityTest {

    @Test
    void threadsItStartsRunAtTheLowerPriorityAndTheCallerKeepsItsOwn() throws Exception {
        int callerBefore = nice(Path.of("/proc/thread-self/stat"));
        assertTrue(LowPriority.prepare(), "renice lowered the starter thread and the compilers");
        AtomicInteger started = new AtomicInteger(Integer.MIN_VALUE);
        Thread thread = new Thread(() -> {
            try {
                started.set(nice(Path.of("/proc/thread-self/stat")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "lowered");
        LowPriority.start(thread);
        thread.join();
        assertEquals(LowPriority.NICE, started.get(), "nice value of a thread it started");
        assertEquals(callerBefore, nice(Path.of("/proc/thread-self/stat")), "the caller's nice value is unchanged");
    }

    @Test
    void theJitCompilersOfThisJvmAreLowered() throws Exception {
        assertTrue(LowPriority.prepare());
        List<Integer> compilers = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (Files.readString(task.resolve("comm")).startsWith("C1 CompilerThre")) {
                    compilers.add(nice(task.resolve("stat")));
                }
            }
        }
        assertFalse(compilers.isEmpty(), "this JVM has a C1 compiler thread");
        compilers.forEach(nice -> assertEquals(LowPriority.NICE, nice));
    }

    /** Field 19 of a /proc stat file, counted after the command's closing parenthesis (field 2). */
    private static int nice(Path stat) throws IOException {
        String text = Files.readString(stat);
        return Integer.parseInt(text.substring(text.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
