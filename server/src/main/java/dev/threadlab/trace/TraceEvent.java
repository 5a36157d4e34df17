package dev.threadlab.trace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One scheduling-trace event, as recorded in the sandbox and sent to the browser. {@code t} is microseconds since
 * the program started. Which fields are set depends on {@code kind}:
 * <ul>
 * <li>{@code meta}: cpus, sampleHz</li>
 * <li>{@code process} (again when its name or command changes): pid, ppid, name, command</li>
 * <li>{@code process-end}: pid</li>
 * <li>{@code thread} (again when its name or Java identity becomes known): pid, tid, name, javaId, daemon,
 * virtual, carrier (it runs virtual threads), system (JVM-internal). A virtual thread's tid is negative: it has no
 * OS thread</li>
 * <li>{@code state}: pid, tid, state (running, ready, blocked, waiting, sleeping, io, stopped, paused: stopped by a garbage collection of its JVM (on gc, cause: its JVM operation) or at another of its safepoints (on safepoint, cause: the JVM operation), starting: a JVM's thread off the CPU while the JVM starts or before the thread first ran, when none of its Java code has run; unknown: a JVM's thread off the CPU before its JVM said why), cpu, javaState, on
 * (monitor, sleep, join, wait, park, gc), lock, ownerTid, owner, cpuMs, message (a step of a replayed schedule: what the
 * thread did and where); a virtual thread's also carrierTid (while mounted)
 * and pinned (parked or blocked without leaving its carrier); a carrier's also mounted (the virtual thread's tid)</li>
 * <li>{@code virtual-threads}: pid, virtualThreads (how many are alive, how many have lanes, and how many are
 * mounted, parked and pinned)</li>
 * <li>{@code thread-end}: pid, tid, cpuMs</li>
 * <li>{@code deadlock}: pid, message, threads</li>
 * <li>{@code note}: message (e.g. the trace was coarsened)</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TraceEvent(String kind, long t, Long pid, Long ppid, Long tid, String name, String command, Long javaId,
        Boolean daemon, Boolean virtual, Boolean system, String state, Integer cpu, String javaState, String on,
        String lock, Long ownerTid, String owner, Long cpuMs, String message, List<DeadlockedThread> threads,
        Integer cpus, Integer sampleHz, Long carrierTid, Boolean pinned, Long mounted, VirtualCounts virtualThreads,
        String cause, Boolean carrier) {

    public static final String META = "meta";
    public static final String PROCESS = "process";
    public static final String PROCESS_END = "process-end";
    public static final String THREAD = "thread";
    public static final String STATE = "state";
    public static final String THREAD_END = "thread-end";
    public static final String DEADLOCK = "deadlock";
    public static final String VIRTUAL_THREADS = "virtual-threads";
    public static final String NOTE = "note";

    /** One thread of a deadlock cycle: what it waits for, who holds that, and what it holds itself. */
    public record DeadlockedThread(Long tid, String name, String waitsFor, Long ownerTid, String owner, List<String> holds) {
    }

    /** A process's virtual threads: alive, with a lane of their own, and mounted, parked or pinned among the alive. */
    public record VirtualCounts(int live, int lanes, int mounted, int parked, int pinned) {
    }

    /** A process, for traces made on the server (a replayed schedule): pid and name. */
    public static TraceEvent process(long t, long pid, String name) {
        return new TraceEvent(PROCESS, t, pid, null, null, name, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static TraceEvent thread(long t, long pid, long tid, String name) {
        return new TraceEvent(THREAD, t, pid, null, tid, name, null, null, null, null, false, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A thread's new state; {@code on} and {@code lock} say what it does or waits for, as the sampler's do. */
    public static TraceEvent state(long t, long pid, long tid, String state, String on, String lock) {
        return new TraceEvent(STATE, t, pid, null, tid, null, null, null, null, null, null, state, null, null, on,
                lock, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A thread running one step of a replayed schedule; {@code message} says what it did and where (only such
     * states carry a message).
     */
    public static TraceEvent step(long t, long pid, long tid, String message) {
        return new TraceEvent(STATE, t, pid, null, tid, null, null, null, null, null, null, "running", null, null, null,
                null, null, null, null, message, null, null, null, null, null, null, null, null, null);
    }

    public static TraceEvent threadEnd(long t, long pid, long tid) {
        return new TraceEvent(THREAD_END, t, pid, null, tid, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static TraceEvent deadlock(long t, long pid, String message) {
        return new TraceEvent(DEADLOCK, t, pid, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, message, List.of(), null, null, null, null, null, null, null, null);
    }

    static TraceEvent note(long t, String message) {
        return new TraceEvent(NOTE, t, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, message, null, null, null, null, null, null, null, null, null);
    }
}
