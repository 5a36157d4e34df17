package dev.threadlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many processes the kernel's out-of-memory killer ended in this container, from the container's memory cgroup
 * (mounted read-only by the engine: the learner cannot change it). -1 when neither cgroup version's file is there.
 */
final class OomKills {
    /** cgroup v1 lists {@code oom_kill N} in memory.oom_control, cgroup v2 in memory.events. */
    private static final List<Path> COUNTERS = List.of(Path.of("/sys/fs/cgroup/memory/memory.oom_control"),
            Path.of("/sys/fs/cgroup/memory.events"));

    private OomKills() {
    }

    static long count() {
        for (Path counter : COUNTERS) {
            long kills = read(counter);
            if (kills >= 0) {
                return kills;
            }
        }
        return -1;
    }

    static long read(Path counter) {
        try {
            for (String line : Files.readAllLines(counter)) {
                if (line.startsWith("oom_kill ")) {
                    return Long.parseLong(line.substring("oom_kill ".length()).strip());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Not this cgroup version, or not readable: the server asks the engine.
        }
        return -1;
    }
}
