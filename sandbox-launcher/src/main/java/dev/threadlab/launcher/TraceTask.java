package dev.threadlab.launcher;

import java.util.List;
import java.util.Objects;

/** One OS thread and, if it runs Java, its Java thread. */
final class TraceTask {
    final long pid;
    final long tid;
    final long firstNanos;
    long lastNanos;
    String osName;
    String javaName;
    long javaId = -1;
    boolean daemon;
    boolean system;
    /** The JVM thread that runs {@code main}, recognised by its OS name before the tracer reports it. */
    boolean javaMain;
    /** A thread of a JVM: until its tracer says what the thread does, its state is unknown, not guessed. */
    boolean inJvm;
    /**
     * One of the JVM's own threads by its OS name (GC, JIT, the VM thread), or the launcher's first thread. A new
     * Java thread is not: it carries its creator's name ("java") until it names itself.
     */
    boolean jvmInternal;
    /**
     * Sampled before its JVM's tracer said hello (the JVM was still starting: loading, linking, initialising), or
     * before the thread first ran (its JVM was still setting it up).
     */
    boolean jvmStarting;
    /** Seen on a CPU, or with CPU time, at least once. */
    boolean ran;
    /** The JVM operation (a collection or another safepoint) that last paused it. */
    String pausedBy = "";
    /** {@link TraceRecorder#GC} or {@link TraceRecorder#SAFEPOINT}, with {@link #pausedBy}. */
    String pausedOn = TraceRecorder.GC;
    boolean ended;
    char os;
    int cpu = -1;
    long cpuMs;
    String javaState = "";
    String on = "";
    String lock = "";
    long ownerTid = -1;
    String owner = "";
    String description;
    String signature;
    /** What {@link #signature} was made of, to tell cheaply that nothing changed (see {@link #shown}). */
    Shown shown;
    /** When the kernel put a Java-RUNNABLE thread to sleep and the agent has not explained it yet; 0 if not. */
    long ioSince;
    /**
     * When such a thread was seen back on the CPU before its JVM's tracer had said whether a safepoint stopped it (0 if
     * not), and the state it came back in with its CPU: held until {@link TraceRecorder#pause} or the tracer's next mark
     * decides, or until anything else of the thread changes.
     */
    long resumedAt;
    Shown resumed;
    int resumedCpu = -1;
    /** A virtual thread's lane (no OS thread): {@link #where} it is, and its {@link #carrier} while mounted. */
    boolean virtual;
    String where = "";
    long carrier;
    /** A carrier of virtual threads. */
    boolean carries;
    /** A carrier's: the lane of the virtual thread mounted on it, 0 if none. */
    long mounted;
    /** The kernel's samples of a new JVM thread while its tracer has not named it yet; null once drawn. */
    List<Sample> held;

    TraceTask(long pid, long tid, long nanos) {
        this.pid = pid;
        this.tid = tid;
        this.firstNanos = nanos;
    }

    void waits(Wait wait) {
        this.javaState = wait.javaState();
        this.on = wait.on();
        this.lock = wait.lock();
        this.ownerTid = wait.ownerTid();
        this.owner = wait.owner();
    }

    /** What the learner sees: the kernel decides running/ready; Java explains why a thread does not run. */
    String combinedState() {
        return switch (os) {
            case 'R' -> "running";
            case 'r' -> "ready";
            case 'D' -> jvmStarting ? "starting" : "io";
            case 'T', 't' -> "stopped";
            case 'Z', 'X', 0 -> null;
            default -> switch (Objects.requireNonNullElse(javaState, "")) {
                case "BLOCKED" -> "blocked";
                case "WAITING", "TIMED_WAITING" -> "sleep".equals(on) ? "sleeping" : "waiting";
                // After main returns, the JVM's main thread (renamed DestroyJavaVM) waits in native code for the
                // last non-daemon thread: Java calls it RUNNABLE (or main's thread TERMINATED), but it is
                // waiting, not doing I/O.
                case "RUNNABLE" -> "DestroyJavaVM".equals(javaName) ? "waiting" : "io";
                case "TERMINATED" -> "waiting";
                // Off the CPU, and its JVM has not said why yet: latch waits and monitor waits look the same
                // to the kernel as sleeping, so saying "sleeping" would be a guess. Before the JVM has started
                // (its tracer's hello), no Java code has run: the thread is the JVM starting up.
                default -> !inJvm || jvmInternal ? "sleeping" : jvmStarting ? "starting" : "unknown";
            };
        };
    }

    /**
     * Everything a state event of this thread in {@code state} is made of (the CPU only while running). Equal to the
     * last one, the event would be the same; comparing these is cheaper than building the event's text, which the
     * recorder would otherwise do for each of the several thousand samples a run of a 200-thread program has.
     */
    Shown shown(String state) {
        return new Shown(state, state.equals("running") ? cpu : -1, javaState, on, lock, ownerTid, owner, carrier, where,
                mounted, pausedOn, pausedBy);
    }

    record Shown(String state, int cpu, String javaState, String on, String lock, long ownerTid, String owner,
            long carrier, String where, long mounted, String pausedOn, String pausedBy) {
        /** Whether this is {@code other} but for the CPU it runs on. */
        boolean sameButTheCpu(Shown other) {
            return other != null && state.equals(other.state) && as("").equals(other.as(""));
        }

        /** The same thread, as it was, in another state (with no CPU unless running). */
        Shown as(String other) {
            return new Shown(other, other.equals("running") ? cpu : -1, javaState, on, lock, ownerTid, owner, carrier,
                    where, mounted, pausedOn, pausedBy);
        }
    }

    /** What a JVM says of one of its threads: its Java state and, when it waits, on what, and who holds that. */
    record Wait(String javaState, String on, String lock, long ownerTid, String owner) {
    }

    /** One sample of a task by the kernel, held back with its time. */
    record Sample(long nanos, char state, int cpu, long cpuMs) {
    }
}
