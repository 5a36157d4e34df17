package dev.threadlab.sandbox;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether this host's CPUs are busy right now, from {@code /proc/stat} over a short window. The warm pool asks before
 * it starts a container that is not needed yet: the engine's work for one (about 150 ms of CPU, measured on 2 cores)
 * is not under the container's low CPU weight and slows a program that keeps every CPU busy.
 */
@Singleton
public class HostCpu {
    /** Busy above this share of all CPUs (on 2 cores: more than one and a half). */
    private static final double BUSY_SHARE = 0.75;
    private static final long WINDOW_MILLIS = 100;

    /** True when the CPUs were busier than {@link #BUSY_SHARE} over the last 100 ms; false when unknown (not Linux). */
    public boolean busy() throws InterruptedException {
        long[] before = times();
        Thread.sleep(WINDOW_MILLIS);
        long[] after = times();
        if (before == null || after == null) {
            return false;
        }
        long total = after[0] - before[0];
        long idle = after[1] - before[1];
        return total > 0 && (total - idle) > BUSY_SHARE * total;
    }

    /** Total and idle (idle + iowait) jiffies of all CPUs, or null. */
    private static long[] times() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            long[] fields = Arrays.stream(cpu.substring(cpu.indexOf(' ')).trim().split("\\s+"))
                    .mapToLong(Long::parseLong).toArray();
            return new long[] {Arrays.stream(fields).limit(8).sum(), fields[3] + fields[4]};
        } catch (IOException | RuntimeException unknown) {
            return null;
        }
    }
}
