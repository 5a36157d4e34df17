package dev.threadlab.grading;

import dev.threadlab.trace.TraceEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What trace checks look at, computed from one run's scheduling trace. Only the program's own threads count
 * (not the JVM's GC, compiler and other internal threads).
 *
 * @param maxRunningAtOnce the most threads that were RUNNING on a CPU at the same moment
 * @param workerThreads threads the program started besides each process's main thread (e.g. a pool's workers);
 *        counted whether or not the sampler caught them on a CPU, since a thread that only sleeps runs for microseconds
 * @param childProcesses processes started by the program (directly or further down)
 * @param longestBlockedMs the longest a thread waited in one go to enter a lock
 * @param wallTimeMs the run's wall time, from the program's start to its exit
 */
public record TraceFacts(int maxRunningAtOnce, int workerThreads, int childProcesses, long longestBlockedMs,
        long wallTimeMs) {

    private static final Set<String> MAIN_THREAD_NAMES = Set.of("main", "DestroyJavaVM");

    public static TraceFacts of(List<TraceEvent> events, long wallTimeMs) {
        Map<Long, TraceEvent> threads = new HashMap<>();
        Long rootPid = null;
        Set<Long> processes = new HashSet<>();
        for (TraceEvent event : events) {
            if (TraceEvent.THREAD.equals(event.kind())) {
                threads.put(event.tid(), event); // the last description wins: it knows most
            } else if (TraceEvent.PROCESS.equals(event.kind())) {
                processes.add(event.pid());
                if (rootPid == null) {
                    rootPid = event.pid();
                }
            }
        }
        List<TraceEvent> ordered = events.stream().sorted(Comparator.comparingLong(TraceEvent::t)).toList();
        Map<Long, TraceEvent> current = new HashMap<>();
        Set<Long> workers = new HashSet<>();
        int running = 0;
        int maxRunning = 0;
        long longestBlocked = 0;
        for (TraceEvent event : ordered) {
            boolean state = TraceEvent.STATE.equals(event.kind());
            if (!state && !TraceEvent.THREAD_END.equals(event.kind())) {
                continue;
            }
            TraceEvent thread = threads.get(event.tid());
            if (thread == null || Boolean.TRUE.equals(thread.system())) {
                continue;
            }
            TraceEvent previous = current.remove(event.tid());
            if (previous != null) {
                if (isRunning(previous)) {
                    running--;
                }
                if ("blocked".equals(previous.state())) {
                    longestBlocked = Math.max(longestBlocked, event.t() - previous.t());
                }
            }
            if (state) {
                current.put(event.tid(), event);
                if (!MAIN_THREAD_NAMES.contains(thread.name())) {
                    workers.add(event.tid());
                }
                if (isRunning(event)) {
                    running++;
                    maxRunning = Math.max(maxRunning, running);
                }
            }
        }
        int children = rootPid == null ? 0 : processes.size() - 1;
        return new TraceFacts(maxRunning, workers.size(), children, longestBlocked / 1000, wallTimeMs);
    }

    private static boolean isRunning(TraceEvent event) {
        return "running".equals(event.state());
    }
}
