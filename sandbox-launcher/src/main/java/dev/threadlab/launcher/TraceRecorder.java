package dev.threadlab.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Merges what the kernel says about each task (from {@link NativeSampler}) with what its JVM says about the Java
 * thread (from the agents) into one stream of trace events, one JSON object per line, sent in batches. A state
 * event is written only when a thread's combined state changes.
 *
 * <p>Event kinds: meta, process, process-end, thread, state, thread-end, deadlock, virtual-threads, note. Times
 * ({@code t}) are microseconds since the program started.
 *
 * <p>A virtual thread has no OS thread: its lane's id is {@link #virtualTid} (negative, so it can never be a real
 * one), and while it is mounted its state is its carrier's as the kernel sees it (running on the carrier's CPU, or
 * ready), and the carrier's state names it ({@code mounted}).
 */
final class TraceRecorder {
    /** JVM threads without a Java identity (GC, JIT, VM thread) are marked as JVM internals after this delay. */
    private static final long UNNAMED_GRACE_NANOS = 150_000_000;
    /** The name of the tracer's own thread in every traced JVM (see agent/TracerThread.java). */
    static final String TRACER_THREAD = "threadlab-trace";
    /**
     * JDK 24 on also starts "ArchiveWorkerThread"s for a moment while it maps the CDS archive: a program on JDK 25 had
     * one more worker besides main in about one traced run in three under load, which failed exercises' trace checks.
     */
    private static final List<String> HOTSPOT_THREADS = List.of("VM Thread", "VM Periodic Tas", "GC Thread#", "G1 ",
            "C1 CompilerThre", "C2 CompilerThre", "Reference Handl", "Finalizer", "Signal Dispatch", "Service Thread",
            "Monitor Deflati", "Sweeper thread", "Notification Th", "Common-Cleaner", "Attach Listener", "VM Operation",
            "ArchiveWorkerTh");
    /**
     * Java says RUNNABLE while the kernel says asleep: either real I/O, or the agent has not yet seen the thread
     * block or wait (it polls every few ms). TraceTask.Wait this long for the agent before calling it I/O.
     */
    private static final long IO_CONFIRM_NANOS = 30_000_000;
    /**
     * How long a new thread of a JVM is held back (not drawn) while its JVM's tracer names it, so that its lane has
     * its Java name from its first sample. Measured: a traced JVM's first report arrives 50-150 ms after its main
     * thread is first sampled (the JVM boots first); a thread started later is named within one tracer tick (2 ms).
     */
    private static final long HOLD_NANOS = 300_000_000;
    /** A pause's start and end are the JVM's own times on the tracer's clock (HotSpot's timenanos); this is room for a sample. */
    private static final long PAUSE_SLACK_NANOS = 2_000_000;
    /**
     * How long before a collection's recorded start a thread may have stopped for it: the collection starts only
     * once every Java thread has reached a safepoint, which took tens of milliseconds on a loaded 2-CPU machine (a
     * GC-heavy program's main thread showed up to 280 ms of I/O before this allowance).
     */
    private static final long SAFEPOINT_WAIT_NANOS = 100_000_000;
    /** What stopped a paused thread: a garbage collection, or another of its JVM's safepoints. */
    static final String GC = "gc";
    static final String SAFEPOINT = "safepoint";
    /** A longer pause is not believed (the program's JVM may say anything), nor waited for. */
    private static final long MAX_PAUSE_NANOS = 2_000_000_000L;

    /** Where finished batches go: the trace frames on stdout, or nowhere in a warm-up. */
    private final Consumer<String> batches;
    private final long origin;
    private final StringBuilder batch = new StringBuilder();
    private final Map<Long, TraceTask> tasks = new HashMap<>();
    /** Threads that run learner code: sampled at full rate even when idle. Told to the sampler every flush. */
    final Set<Long> applicationThreads = ConcurrentHashMap.newKeySet();
    final Set<Long> agentProcesses = ConcurrentHashMap.newKeySet();
    final Set<Long> excludedThreads = ConcurrentHashMap.newKeySet();
    private final Set<Long> jvmProcesses = new java.util.HashSet<>();
    /** When each JVM's tracer last sampled (its K lines). */
    private final Map<Long, Long> tracerSamples = new HashMap<>();
    /** When each JVM's tracer said hello: before that the JVM was starting, and none of its Java code had run. */
    private final Map<Long, Long> jvmStarts = new HashMap<>();
    /** Virtual-thread lanes per process: the tracer that reports them runs in the learner's JVM, so they are capped. */
    private final Map<Long, Integer> virtualLanes = new HashMap<>();
    static final int MAX_VIRTUAL_LANES = 1024;

    TraceRecorder(Consumer<String> batches, long origin) {
        this.batches = batches;
        this.origin = origin;
    }

    synchronized void meta(int cpus, int sampleHz) {
        line(0, "meta", "\"cpus\":" + cpus + ",\"sampleHz\":" + sampleHz);
    }

    synchronized void process(long nanos, long pid, long ppid, String name, String command) {
        line(nanos, "process", "\"pid\":" + pid + ",\"ppid\":" + ppid + ",\"name\":" + Json.string(name)
                + ",\"command\":" + Json.string(command));
        if (name.equals("java")) {
            knownJvm(nanos, pid);
        }
    }

    /**
     * Process {@code pid} runs java. If that is news (a process first seen before it exec'd java, as setpriv), its
     * threads were classified as those of another program, and are again.
     */
    private void knownJvm(long nanos, long pid) {
        if (!jvmProcesses.add(pid)) {
            return;
        }
        for (TraceTask task : tasks.values()) {
            if (task.pid == pid && task.javaId < 0 && !task.ended && task.osName != null) {
                classifyByOsName(task);
                if (task.held == null) {
                    describe(nanos, task);
                }
            }
        }
    }

    synchronized void processEnd(long nanos, long pid) {
        // Virtual threads end with their JVM, whether or not its tracer saw them end.
        for (TraceTask task : List.copyOf(tasks.values())) {
            if (task.virtual && task.pid == pid && !task.ended) {
                virtualEnd(nanos, pid, task.javaId);
            }
        }
        line(nanos, "process-end", "\"pid\":" + pid);
    }

    /** The sampler found a task. */
    synchronized void thread(long nanos, long pid, long tid, String osName) {
        if (excludedThreads.contains(tid)) {
            return;
        }
        boolean fresh = !tasks.containsKey(tid);
        TraceTask task = tasks.computeIfAbsent(tid, id -> new TraceTask(pid, tid, nanos));
        task.osName = osName;
        if (task.javaId < 0) {
            classifyByOsName(task);
        }
        if (tid == pid && osName.equals("java")) {
            // The process exec'd java: known from its first thread's name as soon as the sampler sees it, where the
            // process's own name is read again only every 80 ms, after a short program has ended (seen in a test:
            // a hello world's HotSpot threads drawn as the program's own).
            knownJvm(nanos, pid);
        }
        // Any process's new thread, not just a known JVM's: a JVM's process may still carry its launcher's name
        // (setpriv) when its first threads are sampled.
        if (fresh && !task.jvmInternal && task.tid != task.pid && task.javaId < 0) {
            task.held = new ArrayList<>();
        }
        if (task.held == null) {
            describe(nanos, task);
        }
    }

    /** Draws a held thread: its description from its first sample, then the samples held so far, in order. */
    private void release(TraceTask task) {
        release(task, null);
    }

    /**
     * Draws a held thread with its JVM's first report of its state ({@code first}, or null if none): that state is
     * also what it was in since it last ran. A thread cannot change its Java state without running, so the samples
     * after its last one on a CPU (and after its JVM started) were spent in the wait its JVM then reported.
     */
    private void release(TraceTask task, TraceTask.Wait first) {
        List<TraceTask.Sample> held = task.held;
        task.held = null;
        // Described no later than its first sample: a JVM may name a thread between the sampler's reading of it and
        // its report, so the task can be younger than the sample.
        describe(held.isEmpty() ? task.firstNanos : Math.min(task.firstNanos, held.get(0).nanos()), task);
        Long started = jvmStarts.get(task.pid);
        int lastOnCpu = -1;
        for (int i = 0; i < held.size(); i++) {
            char state = held.get(i).state();
            if (state == 'R' || state == 'r' || started == null || held.get(i).nanos() < started) {
                lastOnCpu = i;
            }
        }
        for (int i = 0; i < held.size(); i++) {
            if (i == lastOnCpu + 1 && first != null) {
                task.waits(first);
            }
            TraceTask.Sample sample = held.get(i);
            applyOsState(sample.nanos(), task, sample.state(), sample.cpu(), sample.cpuMs());
        }
    }

    /**
     * Until a JVM's tracer reports a thread, its OS name tells what it is, so that a program shorter than the
     * tracer's first report is not drawn with 15 JVM lanes. Decided again on every rename: a new thread carries its
     * creator's name ("java") until it names itself a moment later.
     */
    private void classifyByOsName(TraceTask task) {
        // A thread still named "java" is the java launcher's, even before its process is known to be a JVM.
        boolean jvm = jvmProcesses.contains(task.pid) || task.osName.equals("java");
        // HotSpot names every thread it starts except the one that runs main: the launcher's first new thread.
        task.javaMain = jvm && task.osName.equals("java") && task.tid == firstNewThread(task.pid);
        task.inJvm = jvm;
        task.jvmInternal = task.tid == task.pid || isHotSpotThread(task.osName) || task.osName.equals(TRACER_THREAD);
        if (task.osName.equals(TRACER_THREAD)) {
            task.system = true;
            task.javaName = TRACER_THREAD;
        } else if (jvm) {
            task.system = !task.javaMain && (task.tid == task.pid || task.osName.equals("java")
                    || isHotSpotThread(task.osName));
        }
        if (task.system) {
            applicationThreads.remove(task.tid);
        } else {
            applicationThreads.add(task.tid);
        }
    }

    /** The lowest thread id of a process other than its first thread's (which is the process id). */
    private long firstNewThread(long pid) {
        long first = Long.MAX_VALUE;
        for (TraceTask task : tasks.values()) {
            if (task.pid == pid && task.tid != pid && !task.virtual) {
                first = Math.min(first, task.tid);
            }
        }
        return first;
    }

    /**
     * The JVM's own threads, by the names HotSpot gives them (as the kernel keeps them: 15 characters). The
     * launcher's first thread (tid = pid) only waits for the JVM's main thread.
     */
    private static boolean isHotSpotThread(String osName) {
        for (String prefix : HOTSPOT_THREADS) {
            if (osName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kernel's view: {@code R} running on {@code cpu}, {@code r} runnable but waiting for a CPU, {@code S}
     * sleeping, {@code D} uninterruptible (I/O), {@code T} stopped.
     */
    synchronized void osState(long nanos, long tid, char state, int cpu, long cpuMs) {
        TraceTask task = tasks.get(tid);
        if (task == null || task.ended) {
            return;
        }
        if (task.held != null) {
            task.held.add(new TraceTask.Sample(nanos, state, cpu, cpuMs));
            return;
        }
        applyOsState(nanos, task, state, cpu, cpuMs);
    }

    private void applyOsState(long nanos, TraceTask task, char state, int cpu, long cpuMs) {
        Long started = jvmStarts.get(task.pid);
        task.ran |= state == 'R' || cpuMs > 0;
        // Before its JVM said hello, or (a thread of the program) before it first ran: no Java code of it has run.
        task.jvmStarting = started != null && (nanos < started || !task.ran && task.tid != task.pid && !task.javaMain);
        task.os = state;
        task.cpu = cpu;
        task.cpuMs = cpuMs;
        update(nanos, task);
        TraceTask mounted = task.mounted == 0 ? null : tasks.get(task.mounted);
        if (mounted != null) {
            update(nanos, mounted);
        }
    }

    synchronized void threadEnd(long nanos, long tid, long cpuMs) {
        TraceTask task = tasks.get(tid);
        if (task == null || task.ended) {
            return;
        }
        if (task.held != null) {
            release(task);
        }
        if (task.resumedAt > 0) {
            settleResume(task);
        }
        task.ended = true;
        task.cpuMs = Math.max(task.cpuMs, cpuMs);
        applicationThreads.remove(tid);
        line(Math.max(nanos, task.lastNanos), "thread-end", "\"pid\":" + task.pid + ",\"tid\":" + tid
                + ",\"cpuMs\":" + task.cpuMs);
    }

    /** The tracer of JVM {@code pid} said hello: its Java code runs from {@code nanos} on. */
    synchronized void jvmStarted(long nanos, long pid) {
        jvmStarts.putIfAbsent(pid, nanos);
    }

    /** An agent reported from {@code pid}; its own sampling thread is not part of the program. */
    synchronized void agentConnected(long pid, long agentTid) {
        agentProcesses.add(pid);
        excludedThreads.add(agentTid);
        TraceTask task = tasks.remove(agentTid);
        if (task != null && !task.ended) {
            // Seen before the agent said it was its own: keep it in the trace but as a JVM-internal thread.
            task.system = true;
            task.javaName = TRACER_THREAD;
            describe(System.nanoTime(), task);
            line(Math.max(System.nanoTime(), task.lastNanos), "thread-end", "\"pid\":" + pid + ",\"tid\":" + agentTid);
        }
    }

    /** A Java thread of process {@code pid}; the caller checked with the kernel that {@code tid} is one of its threads. */
    synchronized void javaThread(long nanos, long pid, long tid, long javaId, boolean daemon, boolean system, String name) {
        if (excludedThreads.contains(tid) || tasks.containsKey(tid) && tasks.get(tid).pid != pid) {
            return;
        }
        TraceTask task = tasks.get(tid);
        if (task == null) {
            // Named by its JVM before the kernel's first sample of it: held like one the sampler found first.
            task = new TraceTask(pid, tid, nanos);
            task.held = new ArrayList<>();
            tasks.put(tid, task);
        }
        task.inJvm = true;
        task.javaId = javaId;
        task.daemon = daemon;
        task.system = system;
        task.javaName = name;
        if (!system) {
            applicationThreads.add(tid);
        }
        if (task.held == null) {
            describe(nanos, task);
        }
        // A held thread stays held until its first state, which follows in the same report.
    }

    /** A Java thread's state, as the tracer of process {@code pid} saw it; only for that process's own threads. */
    synchronized void javaState(long nanos, long pid, long tid, String state, String on, String lock, long ownerTid, String owner) {
        TraceTask task = tasks.get(tid);
        if (task == null || task.ended || task.pid != pid) {
            return;
        }
        TraceTask.Wait wait = new TraceTask.Wait(state, on, lock, ownerTid, owner);
        if (task.held != null) {
            release(task, wait);
        }
        task.waits(wait);
        update(nanos, task);
    }

    /** Thread {@code tid} of JVM {@code pid} carries virtual threads (its tracer said so: it is a CarrierThread). */
    synchronized void carrierThread(long pid, long tid) {
        TraceTask task = tasks.get(tid);
        if (task != null && task.pid == pid && !task.carries) {
            task.carries = true;
            if (task.held == null) {
                describe(System.nanoTime(), task);
            }
        }
    }

    /** The id of a virtual thread's lane: negative, unique per process and Java thread id. */
    static long virtualTid(long pid, long javaId) {
        return -(pid * 1_000_000_000L + javaId);
    }

    /** A virtual thread of process {@code pid} got a lane in its tracer. */
    synchronized void virtualThread(long nanos, long pid, long javaId, String name) {
        long tid = virtualTid(pid, javaId);
        if (javaId <= 0 || javaId >= 1_000_000_000L || tasks.containsKey(tid)
                || virtualLanes.merge(pid, 1, Integer::sum) > MAX_VIRTUAL_LANES) {
            return;
        }
        TraceTask task = new TraceTask(pid, tid, nanos);
        task.virtual = true;
        task.javaId = javaId;
        task.daemon = true;
        task.javaName = name;
        task.inJvm = true;
        tasks.put(tid, task);
        describe(nanos, task);
    }

    /**
     * Where a virtual thread is ({@code where}: runnable, mounted, parked, pinned, blocked; see the tracer's
     * VirtualThreads), on which carrier of the same process (checked by the caller), and what it waits on.
     */
    synchronized void virtualState(long nanos, long pid, long javaId, String where, String javaState, long carrierTid,
            String on, String lock, long ownerTid, String owner) {
        TraceTask task = tasks.get(virtualTid(pid, javaId));
        if (task == null || task.ended || !task.virtual) {
            return;
        }
        TraceTask carrier = carrierTid == 0 ? null : tasks.get(carrierTid);
        mount(nanos, task, carrier != null && carrier.pid == pid && !carrier.virtual ? carrier : null);
        task.where = where;
        task.waits(new TraceTask.Wait(javaState, on, lock, ownerTid, owner));
        update(nanos, task);
    }

    private void mount(long nanos, TraceTask task, TraceTask carrier) {
        TraceTask previous = task.carrier == 0 ? null : tasks.get(task.carrier);
        task.carrier = carrier == null ? 0 : carrier.tid;
        if (previous != null && previous != carrier && previous.mounted == task.tid) {
            previous.mounted = 0;
            update(nanos, previous);
        }
        if (carrier != null && carrier.mounted != task.tid) {
            TraceTask displaced = tasks.get(carrier.mounted);
            if (displaced != null && displaced.carrier == carrier.tid) {
                displaced.carrier = 0;
            }
            carrier.mounted = task.tid;
            update(nanos, carrier);
        }
    }

    synchronized void virtualEnd(long nanos, long pid, long javaId) {
        TraceTask task = tasks.get(virtualTid(pid, javaId));
        if (task != null && task.virtual && !task.ended) {
            mount(nanos, task, null);
            threadEnd(nanos, task.tid, 0);
        }
    }

    /** How many virtual threads process {@code pid} has, and how many of them have lanes; at most every 50 ms. */
    synchronized void virtualThreads(long nanos, long pid, int live, int lanes, int mounted, int parked, int pinned) {
        line(nanos, "virtual-threads", "\"pid\":" + pid + ",\"virtualThreads\":{\"live\":" + live + ",\"lanes\":"
                + lanes + ",\"mounted\":" + mounted + ",\"parked\":" + parked + ",\"pinned\":" + pinned + "}");
    }

    synchronized void deadlock(long nanos, long pid, String message, List<String[]> members) {
        StringBuilder threads = new StringBuilder("[");
        for (String[] m : members) {
            if (threads.length() > 1) {
                threads.append(',');
            }
            threads.append("{\"tid\":").append(number(m[0])).append(",\"name\":").append(Json.string(m[1]))
                    .append(",\"waitsFor\":").append(Json.string(m[2])).append(",\"ownerTid\":").append(number(m[3]))
                    .append(",\"owner\":").append(Json.string(m[4])).append(",\"holds\":[");
            String[] held = m[5].isEmpty() ? new String[0] : m[5].split(",");
            for (int i = 0; i < held.length; i++) {
                threads.append(i > 0 ? "," : "").append(Json.string(held[i]));
            }
            threads.append("]}");
        }
        threads.append(']');
        line(nanos, "deadlock", "\"pid\":" + pid + ",\"message\":" + Json.string(message) + ",\"threads\":" + threads);
    }

    /** Sends what was recorded since the last call as one frame. */
    void flush(long nanos) {
        flush(nanos, false);
    }

    /** The last flush of a run: nothing is held back any more. */
    void finish(long nanos) {
        flush(nanos, true);
    }

    private void flush(long nanos, boolean last) {
        String text;
        synchronized (this) {
            for (TraceTask task : List.copyOf(tasks.values())) {
                if (task.held != null && (last || nanos - task.firstNanos >= HOLD_NANOS)) {
                    release(task);
                }
                if (last && task.virtual && !task.ended) {
                    virtualEnd(nanos, task.pid, task.javaId); // its JVM ended before its tracer saw it end
                }
            }
            markJvmInternals(nanos);
            confirmIo(nanos);
            if (batch.length() == 0) {
                return;
            }
            text = batch.toString();
            batch.setLength(0);
        }
        batches.accept(text);
    }

    private void markJvmInternals(long nanos) {
        for (TraceTask task : tasks.values()) {
            if (!task.ended && task.held == null && !task.system && !task.javaMain && task.javaId < 0
                    && agentProcesses.contains(task.pid)
                    && nanos - task.firstNanos > UNNAMED_GRACE_NANOS) {
                task.system = true;
                describe(nanos, task);
            }
        }
    }

    private void confirmIo(long nanos) {
        for (TraceTask task : tasks.values()) {
            if (!task.ended && task.ioSince > 0 && nanos - task.ioSince >= IO_CONFIRM_NANOS) {
                update(nanos, task);
            }
        }
    }

    private void describe(long nanos, TraceTask task) {
        String name = task.javaName != null ? task.javaName : task.osName == null ? "" : task.osName;
        String description = "\"pid\":" + task.pid + ",\"tid\":" + task.tid + ",\"name\":" + Json.string(name)
                + (task.javaId >= 0 ? ",\"javaId\":" + task.javaId + ",\"daemon\":" + task.daemon : "")
                + ",\"virtual\":" + task.virtual + (task.carries ? ",\"carrier\":true" : "") + ",\"system\":" + task.system;
        if (!description.equals(task.description)) {
            task.description = description;
            // No state of the thread goes out before its description, even from a sample read before it and reported after.
            long at = Math.max(nanos, task.lastNanos);
            task.lastNanos = at;
            line(at, "thread", description);
        }
    }

    private void update(long nanos, TraceTask task) {
        String state = task.virtual ? virtualState(task) : task.combinedState();
        if (state == null) {
            return;
        }
        if (task.resumedAt > 0) {
            // Held only while nothing but its CPU changes: a carrier that mounts another virtual thread meanwhile must
            // be drawn with the one it ran first (seen in CI: a virtual thread ran on a carrier whose lane never named
            // it). A move to another CPU is drawn at the next sample once the hold ends.
            if (task.shown(state).sameButTheCpu(task.resumed) && mayBePaused(nanos, task)) {
                return;
            }
            settleResume(task);
        }
        long since = task.ioSince;
        if (state.equals("io") && task.os != 'D') {
            if (since == 0) {
                task.ioSince = nanos;
            }
            if (nanos - task.ioSince < IO_CONFIRM_NANOS || mayBePaused(nanos, task)) {
                return;
            }
        }
        if (since > 0 && (state.equals("running") || state.equals("ready"))) {
            if (mayHaveBeenPaused(nanos, task)) {
                // Back before its JVM's tracer reported the safepoint that may have stopped it: HotSpot logs a
                // safepoint only after it lets the threads go, so a thread stopped by a short one (a thread dump:
                // under 1 ms) was nearly always running again first, and drawn as waiting (measured: no spinner of
                // JavaThreadsFromTheStartTest paused at any of ~1000 dumps in 1 of 2 loaded runs). Held until known.
                task.resumedAt = nanos;
                task.resumed = task.shown(state);
                task.resumedCpu = task.cpu;
                return;
            }
            // Off the CPU for a moment, too briefly for the agent to say why.
            emitState(since, task, "waiting");
        }
        task.ioSince = 0;
        emitState(since > 0 && !state.equals("running") && !state.equals("ready") ? since : nanos, task, state);
    }

    /** A held return ({@link TraceTask#resumedAt}) that no safepoint explains: a brief wait, then the state it came back in. */
    private void settleResume(TraceTask task) {
        emitState(task.ioSince, task, task.resumed.as("waiting"), -1);
        resume(task);
    }

    private void resume(TraceTask task) {
        emitState(task.resumedAt, task, task.resumed, task.resumedCpu);
        task.ioSince = 0;
        task.resumedAt = 0;
        task.resumed = null;
    }

    /**
     * Whether a thread asleep since {@code task.ioSince} while Java calls it RUNNABLE may be stopped by a collection
     * rather than doing I/O: its JVM's tracer has not yet marked a sample since then (the tracer is stopped by a collection
     * too, and its first sample after one reports it, see {@link #pause}). Never longer than {@link #MAX_PAUSE_NANOS}.
     */
    private boolean mayBePaused(long nanos, TraceTask task) {
        if (!jvmStarts.containsKey(task.pid)) {
            return false; // not a traced JVM: nobody would report its collections
        }
        // A traced JVM whose tracer has not marked yet does not watch its collections yet (it starts after its first sample).
        Long sampled = tracerSamples.get(task.pid);
        return (sampled == null || sampled <= task.ioSince) && nanos - task.ioSince < MAX_PAUSE_NANOS;
    }

    /** {@link #mayBePaused}, for a thread that stopped after its JVM's Java code began (before, it was starting). */
    private boolean mayHaveBeenPaused(long nanos, TraceTask task) {
        Long started = jvmStarts.get(task.pid);
        return started != null && task.ioSince >= started && mayBePaused(nanos, task);
    }

    /** The tracer of JVM {@code pid} sampled at {@code nanos}: the JVM was not stopped then. */
    synchronized void tracerSampled(long pid, long nanos) {
        tracerSamples.merge(pid, nanos, Math::max);
    }

    /**
     * A stop-the-world collection ({@link #GC}) or another safepoint ({@link #SAFEPOINT}) of JVM {@code pid} (widened
     * by {@link #PAUSE_SLACK_NANOS}). Its threads that the kernel saw asleep from within it while Java called them
     * RUNNABLE were stopped by the JVM, not waiting for I/O: they are drawn as paused from when they stopped, on
     * {@code kind}, by {@code cause} (the JVM's operation). The tracer is the learner's: a pause it reports can only
     * relabel its own JVM's threads, and not beyond its length cap.
     */
    synchronized void pause(long pid, long start, long end, String cause, String kind) {
        if (end < start || end - start > MAX_PAUSE_NANOS) {
            return;
        }
        for (TraceTask task : tasks.values()) {
            if (task.pid == pid && !task.ended && task.ioSince > 0 && task.ioSince <= end + PAUSE_SLACK_NANOS) {
                // Asleep since shortly before: waiting for the collection to begin (the thread that needs memory,
                // and every other, waits until all have stopped at a safepoint). Since long before: something else,
                // and paused only from the collection's start.
                long from = task.ioSince >= start - SAFEPOINT_WAIT_NANOS ? task.ioSince : start;
                if (from > task.ioSince) {
                    emitState(task.ioSince, task, "io");
                }
                task.pausedBy = cause;
                task.pausedOn = kind;
                emitState(from, task, "paused");
                task.ioSince = 0;
                if (task.resumedAt > 0) {
                    resume(task);
                }
            }
        }
    }

    /**
     * A virtual thread's state: while mounted, its carrier's (running on the carrier's CPU, or ready); pinned when it
     * blocks or parks without leaving its carrier; otherwise what its JVM said.
     */
    private String virtualState(TraceTask task) {
        TraceTask carrier = task.carrier == 0 ? null : tasks.get(task.carrier);
        task.cpu = -1;
        return switch (task.where) {
            case "runnable" -> "ready";
            case "parked" -> "sleep".equals(task.on) ? "sleeping" : "waiting";
            case "pinned" -> "monitor".equals(task.on) ? "blocked" : "sleep".equals(task.on) ? "sleeping" : "waiting";
            case "blocked" -> "blocked";
            case "mounted" -> {
                if (carrier == null || carrier.ended) {
                    yield "unknown";
                }
                task.cpu = carrier.os == 'R' ? carrier.cpu : -1;
                task.cpuMs = carrier.cpuMs;
                yield switch (carrier.os) {
                    case 'R' -> "running";
                    case 'r' -> "ready";
                    case 'D' -> "io";
                    default -> "unknown";
                };
            }
            default -> null;
        };
    }

    private void emitState(long nanos, TraceTask task, String state) {
        emitState(nanos, task, task.shown(state), task.cpu);
    }

    /** Emits {@code shown} (what the thread's state is made of) unless it is what was last emitted of the thread. */
    private void emitState(long nanos, TraceTask task, TraceTask.Shown shown, int cpuNumber) {
        if (shown.equals(task.shown)) {
            return; // made of the same as the last event, so the same event
        }
        task.shown = shown;
        String head = "\"pid\":" + task.pid + ",\"tid\":" + task.tid + ",\"state\":\"" + shown.state() + "\"";
        String cpu = cpuNumber >= 0 ? ",\"cpu\":" + cpuNumber : "";
        String rest = details(task.virtual, shown);
        // The CPU number matters only while running; elsewhere a migration is not a new slice. (Put together here
        // rather than cut out with a regular expression: this runs for every thread on every sample, and compiling
        // the expression each time was most of the sampler's cost with 200 threads.)
        String signature = shown.state().equals("running") ? head + cpu + rest : head + rest;
        if (signature.equals(task.signature)) {
            return;
        }
        task.signature = signature;
        long at = Math.max(nanos, task.lastNanos);
        task.lastNanos = at;
        line(at, "state", head + cpu + rest + ",\"cpuMs\":" + task.cpuMs);
    }

    /** A state's fields after its CPU: what Java says the thread does, and what it waits for. */
    private static String details(boolean virtual, TraceTask.Shown shown) {
        String state = shown.state();
        boolean java = shown.javaState() != null && !shown.javaState().isEmpty();
        boolean waitsOnSomething = state.equals("blocked") || state.equals("waiting");
        return (java ? ",\"javaState\":" + Json.string(shown.javaState()) : "")
                + (waitsOnSomething && !shown.on().isEmpty() ? ",\"on\":" + Json.string(shown.on()) : "")
                + (state.equals("sleeping") && "sleep".equals(shown.on()) ? ",\"on\":\"sleep\"" : "")
                + (waitsOnSomething && !shown.lock().isEmpty() ? ",\"lock\":" + Json.string(shown.lock()) : "")
                + (waitsOnSomething && shown.ownerTid() > 0 ? ",\"ownerTid\":" + shown.ownerTid() : "")
                + (waitsOnSomething && !shown.owner().isEmpty() ? ",\"owner\":" + Json.string(shown.owner()) : "")
                + (virtual && shown.carrier() != 0 ? ",\"carrierTid\":" + shown.carrier() : "")
                + (virtual && "pinned".equals(shown.where()) ? ",\"pinned\":true" : "")
                + (shown.mounted() != 0 ? ",\"mounted\":" + shown.mounted() : "")
                + (state.equals("paused") ? ",\"on\":\"" + shown.pausedOn() + "\",\"cause\":" + Json.string(shown.pausedBy()) : "");
    }

    private void line(long nanos, String kind, String fields) {
        long micros = nanos == 0 ? 0 : Math.max(0, (nanos - origin) / 1000);
        batch.append("{\"kind\":\"").append(kind).append("\",\"t\":").append(micros).append(',').append(fields)
                .append("}\n");
    }

    private static String number(String text) {
        return text == null || text.isEmpty() ? "null" : text;
    }
}
