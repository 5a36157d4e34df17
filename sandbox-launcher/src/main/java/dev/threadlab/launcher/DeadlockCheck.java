package dev.threadlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's own look at a deadlock a tracer reported: every thread of the cycle belongs to the reporting process,
 * and the kernel shows each one asleep and using no CPU time over {@link #WATCH_MILLIS}. A program can still fake a
 * deadlock of its own threads by really parking them, but then its run ends as a deadlock, which no check passes.
 */
final class DeadlockCheck {
    /** Long enough for a thread that merely passes through a lock to show CPU time (a 500 Hz sample is 2 ms). */
    static final long WATCH_MILLIS = 60;

    private DeadlockCheck() {
    }

    static boolean confirmed(long pid, List<String[]> members) throws InterruptedException {
        if (members.size() < 2) {
            return false;
        }
        List<Path> stats = new ArrayList<>();
        for (String[] member : members) {
            long tid;
            try {
                tid = Long.parseLong(member[0]);
            } catch (NumberFormatException e) {
                return false;
            }
            if (!AgentHub.ownThread(pid, tid)) {
                return false;
            }
            stats.add(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
        }
        long[] before = cpuTimes(stats);
        Thread.sleep(WATCH_MILLIS);
        long[] after = cpuTimes(stats);
        if (before == null || after == null) {
            return false;
        }
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                return false;
            }
        }
        return true;
    }

    /** utime + stime of each thread, or null if one is gone or not asleep. */
    private static long[] cpuTimes(List<Path> stats) {
        long[] times = new long[stats.size()];
        for (int i = 0; i < stats.size(); i++) {
            try {
                String stat = Files.readString(stats.get(i));
                // Fields after the command name, which may itself contain spaces and parentheses.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (!f[0].equals("S")) {
                    return null;
                }
                times[i] = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException gone) {
                return null;
            }
        }
        return times;
    }
}
