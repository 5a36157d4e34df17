package dev.threadlab.grading;

import dev.threadlab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What trace checks look at, computed from one run's scheduling trace. Only the program's own OS threads count
 * (not the JVM's GC, compiler and other internal threads, nor virtual threads, which their carriers run).
 *
 * @param maxRunningAtOnce the most threads that were RUNNING on different CPUs together for at least 10 ms
 * @param workerThreads threads the program started besides each process's main thread (e.g. a pool's workers);
 *        counted whether or not the sampler caught them on a CPU, since a thread that only sleeps runs for microseconds
 * @param childProcesses processes started by the program (directly or further down)
 * @param longestBlockedMs the longest a thread waited in one go to enter a lock
 * @param wallTimeMs the run's wall time, from the program's start to its exit
 */
public record TraceFacts(int maxRunningAtOnce, int workerThreads, int childProcesses, long longestBlockedMs,
        long wallTimeMs) {

    /** Threads count as running at once only when they overlap at least this long (10 ms). */
    static final long SUSTAINED_MICROS = 10_000;
    /** A JVM's main thread: "java" (its OS name) until the JVM's tracer names it, "DestroyJavaVM" after main returned. */
    private static final Set<String> MAIN_THREAD_NAMES = Set.of("main", "java", "DestroyJavaVM");

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
        List<long[]> levels = new ArrayList<>(); // {time, CPUs busy with the program's threads from then on}
        long longestBlocked = 0;
        for (int i = 0; i < ordered.size(); i++) {
            TraceEvent event = ordered.get(i);
            boolean state = TraceEvent.STATE.equals(event.kind());
            TraceEvent thread = threads.get(event.tid());
            // Virtual threads' lanes are left out: only their JVM's tracer, which runs in the learner's program,
            // says they exist (the kernel cannot confirm them), and what they do is done by their carriers, which
            // count as the OS threads they are.
            boolean counted = (state || TraceEvent.THREAD_END.equals(event.kind()))
                    && thread != null && !Boolean.TRUE.equals(thread.system()) && !Boolean.TRUE.equals(thread.virtual());
            if (counted) {
                TraceEvent previous = current.remove(event.tid());
                if (previous != null && "blocked".equals(previous.state())) {
                    longestBlocked = Math.max(longestBlocked, event.t() - previous.t());
                }
                if (state) {
                    current.put(event.tid(), event);
                    if (!MAIN_THREAD_NAMES.contains(thread.name())) {
                        workers.add(event.tid());
                    }
                }
            }
            // One sampling tick reports its changes with one time: measure after all of them, so that a thread
            // taking over a CPU is not counted together with the one it replaced.
            if (i + 1 == ordered.size() || ordered.get(i + 1).t() != event.t()) {
                levels.add(new long[] {event.t(), busyCpus(current.values())});
            }
        }
        int maxRunning = sustainedLevel(levels);
        int children = rootPid == null ? 0 : processes.size() - 1;
        return new TraceFacts(maxRunning, workers.size(), children, longestBlocked / 1000, wallTimeMs);
    }

    /** CPUs running one of these threads; a running thread whose CPU is unknown counts as one more. */
    private static long busyCpus(Iterable<TraceEvent> states) {
        Set<Integer> cpus = new HashSet<>();
        long unknown = 0;
        for (TraceEvent state : states) {
            if ("running".equals(state.state())) {
                if (state.cpu() == null) {
                    unknown++;
                } else {
                    cpus.add(state.cpu());
                }
            }
        }
        return cpus.size() + unknown;
    }

    /**
     * The highest number of busy CPUs that lasted {@link #SUSTAINED_MICROS} in one stretch. The sampler sees each
     * thread a little late or early, so a hand-over from one thread to the next can look like a brief overlap;
     * real parallel work overlaps for much longer.
     */
    private static int sustainedLevel(List<long[]> levels) {
        long highest = levels.stream().mapToLong(level -> level[1]).max().orElse(0);
        for (long k = highest; k > 0; k--) {
            long since = -1;
            for (int i = 0; i < levels.size(); i++) {
                long[] level = levels.get(i);
                if (level[1] >= k && since < 0) {
                    since = level[0];
                } else if (level[1] < k) {
                    since = -1;
                }
                long until = i + 1 < levels.size() ? levels.get(i + 1)[0] : level[0];
                if (since >= 0 && until - since >= SUSTAINED_MICROS) {
                    return (int) k;
                }
            }
        }
        return 0;
    }
}
