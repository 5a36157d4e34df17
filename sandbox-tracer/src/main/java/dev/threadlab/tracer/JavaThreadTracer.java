package dev.threadlab.tracer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports a JVM's Java threads, their states and what they wait for to the launcher, over a Unix socket. Runs in
 * JVMs the program starts (started by {@link ThreadlabAgent}), and in the program's JVM once the native agent hands
 * over to it because virtual threads appear ({@link NativeAgent#continueInJava}), or started by {@link ThreadlabMain}
 * where the native agent is not loaded.
 *
 * <p>Why not JFR: a JFR recording stream adds 0.5-1 s to start-up and delivers events about a second
 * late. This tracer polls {@code Thread.getState()} every 2 ms while threads change state (every 10 ms while nothing
 * changes), which needs no safepoint. A parked thread's wait is read from its park blocker ({@link LockOwners});
 * {@link ThreadMXBean#getThreadInfo(long[], int)} with depth 0 (also no safepoint) is asked only for the other waits.
 * Java thread ids are matched to OS thread ids by the names HotSpot gives OS threads ({@link NativeNames}), in the same
 * sample that first sees a thread; only a thread that stays unmatched for {@value #DUMP_GRACE_NANOS} ns (renamed by
 * another thread) waits for the JVM's own thread dump ({@link ThreadDump}). Everything runs on one daemon thread ({@link TracerThread}) so the program's start is not
 * delayed, and without lambdas: the first lambda of a JVM costs milliseconds of bootstrap, which would delay the
 * first report.
 *
 * <p>Lines sent (tab separated), after the hello that {@link TracerThread} sent: {@code T tracerTid}, {@code J nanos tid javaId daemon system name carrier},
 * {@code S nanos tid javaState on lock ownerTid ownerName}, {@code Q nanos tid}, {@code D nanos count message} followed by
 * one {@code d tid name waitsFor ownerTid ownerName held,held} line per thread of the cycle, and for virtual threads
 * (see {@link VirtualSampler}) {@code V nanos javaId name}, {@code W nanos javaId where javaState carrierTid on lock ownerTid
 * ownerName}, {@code X nanos javaId} and {@code A nanos live lanes mounted parked pinned}; and {@code P start end
 * operation} per collection and {@code Y start end operation} per other safepoint ({@link SafepointLog}), and
 * {@code K nanos} after samples ({@link #mark}).
 */
final class JavaThreadTracer implements Runnable, VirtualSampler.Carriers, DeadlockReport.Tids {
    private static final long SLOW_TICK_NANOS = 10_000_000;
    /** After a Java state change, sample every 2 ms for this long; a steady program is sampled every 10 ms. */
    private static final long FAST_FOR_NANOS = 200_000_000;
    private static final long DUMP_INTERVAL_NANOS = 20_000_000;
    /** How long a thread may stay unmatched by name before the (slow) thread dump is asked. */
    private static final long DUMP_GRACE_NANOS = 20_000_000;
    private static final long DEADLOCK_CHECK_NANOS = 250_000_000;
    private static final long MARK_NANOS = 5_000_000;
    private static final long DETAILS_REFRESH_NANOS = 20_000_000;
    /** A thread in {@code Object.wait}, {@code join} or {@code sleep} keeps its lock until its state changes. */
    private static final long QUIET_REFRESH_NANOS = 200_000_000;
    /**
     * A sample may cost at most 1/{@value} of the time until the next: with hundreds of threads a sample takes
     * about a millisecond, and sampling those at 500 Hz took a third of a 200-thread queue program's speed. The same
     * share as the native tracer's (see the launcher's threadlab-sampler.c for why this one).
     */
    private static final int COST_SHARE = 200;
    /** One costly sample (loading classes, a deadlock check at a safepoint) must not stop sampling for long. */
    private static final long MAX_TICK_NANOS = 50_000_000;
    /** How long, and for how many locks, lock names are kept (see {@link #lockNames}). */
    private static final long LOCK_NAMES_NANOS = 1_000_000_000;
    private static final int MAX_LOCK_NAMES = 1024;
    /** The class of the platform threads that carry virtual threads (JDK 21). */
    private static final String CARRIER_CLASS = "jdk.internal.misc.CarrierThread";
    private static final Pattern DUMP_HEADER = Pattern.compile("^\"(.*)\" #(\\d+) (?:daemon )?\\[(\\d+)\\]");

    private final long fastTickNanos;
    /** Made after the first sample: the management classes take milliseconds to load, and the first sample must not wait. */
    private ThreadMXBean threads;
    private SafepointLog safepoints;
    private long lastMark;
    private final ThreadDump threadDump = new ThreadDump();
    private final Map<Long, Traced> traced = new HashMap<>();
    /**
     * The names of park blockers, as they go out on a line: a few locks and conditions, shared by many threads, named
     * once rather than on every sample (and, being the same strings, compared by identity). Emptied every {@value
     * #LOCK_NAMES_NANOS} ns so that the tracer keeps no lock of the program reachable for long.
     */
    private final Map<Object, String> lockNames = new IdentityHashMap<>();
    private long lockNamesSince;
    private final StringBuilder out = new StringBuilder();
    private final OutputStream channel;
    private long lastDump;
    private long samples;
    private long lastNameScan;
    private long lastChange;
    private long lastDeadlockCheck;
    private final DeadlockReport deadlocks = new DeadlockReport();
    private Thread[] buffer = new Thread[64];
    /** The last sample's threads in the JVM's order, and how many. */
    private Traced[] lastTraced = new Traced[64];
    private int lastSeen;
    /** How far this sample has come through the last one's threads. */
    private int cursor;
    /** Arrays a sample fills, reused: its threads (then swapped with {@link #lastTraced}), and those that wait. */
    private Traced[] spare = new Traced[64];
    private Traced[] waitingBuffer = new Traced[64];
    private final long pid = ProcessHandle.current().pid();
    private long selfTid;
    /** Made when the first carrier thread appears: a JVM without virtual threads never looks for them. */
    private VirtualSampler virtualSampler;
    private boolean carriersSeen;

    /** Threads whose OS thread the native agent had paired before this tracer took over from it, by Java id. */
    private final Map<Long, Long> pairedBefore;
    /**
     * Whether the virtual threads are sampled before anything else: the first sample of the platform threads took
     * 45-75 ms in a cold JVM on a loaded machine (measured in the sandbox image), and the virtual-threads lesson's
     * 100 ms sleepers, started with the first carrier, had often ended unseen by then.
     */
    private final boolean virtualThreadsFirst;

    JavaThreadTracer(OutputStream channel) {
        this(channel, new HashMap<>(), false);
    }

    /** Takes over from the native agent, which hands over when a carrier thread appears: virtual threads run already. */
    JavaThreadTracer(OutputStream channel, Map<Long, Long> pairedBefore) {
        this(channel, pairedBefore, true);
    }

    private JavaThreadTracer(OutputStream channel, Map<Long, Long> pairedBefore, boolean virtualThreadsFirst) {
        this.channel = channel;
        this.pairedBefore = pairedBefore;
        this.virtualThreadsFirst = virtualThreadsFirst;
        String hz = System.getenv("THREADLAB_TRACE_HZ");
        this.fastTickNanos = 1_000_000_000L / Math.max(10, hz == null ? 500 : Integer.parseInt(hz));
    }

    @Override
    public void run() {
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            selfTid = Long.parseLong(self.substring(self.lastIndexOf('/') + 1));
            out.append("T\t").append(selfTid).append('\n');
            if (virtualThreadsFirst) {
                carriersSeen = true;
                sampleVirtualThreads(System.nanoTime());
                flush();
            }
            long next = System.nanoTime();
            sample(next);
            flush();
            // Loaded right after the first sample, while the program's main is still starting up, rather than at the
            // program's first wait: loading takes about 30 ms (measured in the sandbox image), during which nothing
            // is sampled, and threads a program starts in its first milliseconds would be missed then.
            mxBean();
            // The log holds every safepoint since the JVM started, collections included, and costs nothing to watch:
            // the collectors' notifications, used before, took management classes, reflection and their compilation
            // in every traced JVM, and fell behind when collections came every few milliseconds.
            safepoints = SafepointLog.of(pid);
            long previous = 0;
            while (true) {
                long now = System.nanoTime();
                sample(now);
                safepoints.drainInto(out);
                if (previous != 0) {
                    mark(previous);
                }
                previous = now;
                flush();
                long tick = now - lastChange < FAST_FOR_NANOS ? fastTickNanos : Math.max(fastTickNanos, SLOW_TICK_NANOS);
                next += Math.max(tick, Math.min(MAX_TICK_NANOS, (System.nanoTime() - now) * COST_SHARE));
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (IOException | RuntimeException launcherGone) {
            // No launcher to report to (or it went away): tracing is best effort and never disturbs the program.
        }
    }

    private void sample(long now) throws IOException {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        int count;
        while ((count = root.enumerate(buffer, true)) == buffer.length) {
            buffer = new Thread[buffer.length * 2];
        }
        // Marked rather than collected into a set, and found by position rather than by id: this loop runs for every
        // thread on every sample, and whatever it calls soon gets compiled by the program's JIT compilers (measured: a
        // 200-thread program's JVM spent about 100 ms more compiling when traced).
        samples++;
        Traced[] current = spare.length >= count ? spare : new Traced[buffer.length];
        int alive = 0;
        int waitingCount = 0;
        boolean unmapped = false;
        cursor = 0;
        for (int i = 0; i < count; i++) {
            Thread thread = buffer[i];
            buffer[i] = null;
            if (thread == Thread.currentThread()) {
                continue;
            }
            Traced t = inLastSample(thread);
            if (t == null) {
                t = traced.get(thread.getId());
            }
            if (t == null) {
                t = new Traced(thread, now);
                traced.put(t.javaId, t);
                Long tid = pairedBefore.isEmpty() ? null : pairedBefore.remove(t.javaId);
                if (tid != null && tid != 0) {
                    t.tid = tid;
                    describe(now, t);
                }
                carriersSeen |= t.carrier;
            }
            t.seenIn = samples;
            unmapped |= t.tid == 0;
            current[alive++] = t;
        }
        // Paired before their states are read, so a new thread's name and first state go out in the same sample.
        if (unmapped) {
            mapUnpaired(now);
        }
        Traced[] waiting = waitingBuffer.length >= alive ? waitingBuffer : new Traced[current.length];
        for (int i = 0; i < alive; i++) {
            Traced t = current[i];
            if (t.tid == 0) {
                continue;
            }
            String name = t.thread.getName();
            // A rename sets a new String: the same object is the same name.
            if (name != t.name && !name.equals(t.name)) {
                t.rename(name);
                describe(now, t);
            }
            Thread.State state = t.thread.getState();
            if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                t.observed = state;
                waiting[waitingCount++] = t;
            } else if (state != t.state) {
                t.state = state;
                t.lock = "";
                t.ownerId = -1;
                t.owner = null;
                t.on = "";
                report(now, t, "");
            }
        }
        for (int i = alive; i < current.length && current[i] != null; i++) {
            current[i] = null; // a thread that ended is not kept reachable
        }
        spare = lastTraced;
        lastTraced = current;
        lastSeen = alive;
        waitingBuffer = waiting;
        if (threads == null && waitingCount > 0) {
            // The first waits of the JVM: their states go out now, the locks' owners once the management classes
            // have loaded (about 30 ms, measured in the sandbox image).
            reportBeforeManagement(now, waiting, waitingCount);
            flush();
        }
        int onLocks = waitingCount == 0 ? 0 : reportWaiting(now, waiting, waitingCount);
        for (Iterator<Traced> it = alive == traced.size() ? null : traced.values().iterator(); it != null && it.hasNext(); ) {
            Traced t = it.next();
            if (t.seenIn != samples) {
                if (t.tid != 0) {
                    out.append("Q\t").append(now).append('\t').append(t.tid).append('\n');
                }
                it.remove();
            }
        }
        sampleVirtualThreads(now);
        if (onLocks >= 2 && now - lastDeadlockCheck >= DEADLOCK_CHECK_NANOS) {
            lastDeadlockCheck = now;
            checkDeadlock(now);
        }
    }

    /** The virtual threads, once a carrier thread was seen (a JVM without virtual threads never looks for them). */
    private void sampleVirtualThreads(long now) {
        if (carriersSeen && virtualSampler == null) {
            VirtualThreads virtualThreads = VirtualThreads.find();
            carriersSeen = virtualThreads != null;
            virtualSampler = virtualThreads == null ? null : new VirtualSampler(virtualThreads, out, this);
        }
        if (virtualSampler != null && virtualSampler.sample(now)) {
            lastChange = now;
        }
    }

    /**
     * The thread as the last sample knew it, if it comes where it came then: the JVM lists threads in the order they
     * started, so a sample's threads are the last one's, less those that ended, and then the new ones.
     */
    private Traced inLastSample(Thread thread) {
        while (cursor < lastSeen) {
            Traced candidate = lastTraced[cursor];
            if (candidate.thread == thread) {
                cursor++;
                return candidate;
            }
            if (candidate.thread.isAlive()) {
                return null; // not in the order expected: looked up by id
            }
            cursor++; // ended since the last sample
        }
        return null;
    }

    /**
     * A thread parked on a blocker is described from the blocker itself: its name, and for a lock its owner
     * ({@link LockOwners}). The others ask the JVM for depth-0 thread infos, which name the monitor and its owner
     * without stopping the JVM at a safepoint: a thread blocked on a monitor on every state change and every {@value
     * #DETAILS_REFRESH_NANOS} ns (its monitor's owner may change), one in {@code Object.wait}, {@code join} or
     * {@code sleep} on every state change and every {@value #QUIET_REFRESH_NANOS} ns. Asking for every waiting thread
     * on every sample cost a 200-thread queue program a third of its speed. Returns how many threads wait without a
     * time-out for a lock that another thread owns (the only ones that can deadlock).
     */
    private int reportWaiting(long now, Traced[] waiting, int count) {
        int onLocks = 0;
        List<Traced> changed = new ArrayList<>();
        if (lockNames.size() > MAX_LOCK_NAMES || now - lockNamesSince >= LOCK_NAMES_NANOS) {
            lockNames.clear();
            lockNamesSince = now;
        }
        for (int i = 0; i < count; i++) {
            Traced t = waiting[i];
            waiting[i] = null;
            Object blocker = LockSupport.getBlocker(t.thread);
            if (blocker != null && t.observed != Thread.State.BLOCKED && LockOwners.available()) {
                Thread owner = LockOwners.of(blocker);
                if (blocker == t.blocker && t.observed == t.state && owner == t.owner) {
                    // The same wait as at the last sample: nothing to report, and no string to build.
                    onLocks += onLock(t.state, t.ownerId) ? 1 : 0;
                } else {
                    onLocks += reportParked(now, t, blocker, owner) ? 1 : 0;
                }
            } else if (t.observed != t.state || blocker != t.blocker || now - t.detailsAt >= refreshAfter(t.observed)) {
                t.blocker = blocker;
                t.owner = null;
                t.detailsAt = now;
                changed.add(t);
            } else if (onLock(t.state, t.ownerId)) {
                onLocks++;
            }
        }
        long[] ids = new long[changed.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = changed.get(i).javaId;
        }
        ThreadInfo[] infos = ids.length == 0 ? new ThreadInfo[0] : mxBean().getThreadInfo(ids, 0);
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo info = infos[i];
            Traced t = changed.get(i);
            if (info == null) {
                continue;
            }
            String lock = clean(info.getLockName());
            onLocks += waits(now, t, info.getThreadState(), lock, info.getLockOwnerId()) ? 1 : 0;
        }
        return onLocks;
    }

    private static long refreshAfter(Thread.State state) {
        return state == Thread.State.BLOCKED ? DETAILS_REFRESH_NANOS : QUIET_REFRESH_NANOS;
    }

    /**
     * Reports a parked thread's wait from its blocker, if it changed; returns whether it waits without a time-out for
     * a lock that another thread owns.
     */
    private boolean reportParked(long now, Traced t, Object blocker, Thread owner) {
        t.blocker = blocker;
        t.detailsAt = now;
        t.owner = owner;
        String lock = lockNames.get(blocker);
        if (lock == null) {
            lock = clean(lockName(blocker));
            lockNames.put(blocker, lock);
        }
        return waits(now, t, t.observed, lock, owner == null ? -1 : owner.getId());
    }

    /**
     * Records a waiting thread's wait, from whichever source, and reports it if it changed; returns whether it waits
     * without a time-out for a lock that another thread owns.
     */
    private boolean waits(long now, Traced t, Thread.State state, String lock, long ownerId) {
        String on = waitKind(state, lock);
        if (state != t.state || (lock != t.lock && !lock.equals(t.lock)) || ownerId != t.ownerId
                || (on != t.on && !on.equals(t.on))) {
            t.state = state;
            t.lock = lock;
            t.ownerId = ownerId;
            t.on = on;
            report(now, t, on);
        }
        return onLock(state, ownerId);
    }

    /** Whether a thread in this wait can be part of a deadlock: it waits, without a time-out, for an owned lock. */
    private static boolean onLock(Thread.State state, long ownerId) {
        return ownerId >= 0 && state != Thread.State.TIMED_WAITING;
    }

    /**
     * What {@code Thread.getState()} and the park blocker say, without the management classes: no owner yet. A
     * thread blocked on a monitor waits for them, which name the monitor and its owner.
     */
    private void reportBeforeManagement(long now, Traced[] waiting, int count) {
        for (int i = 0; i < count; i++) {
            Traced t = waiting[i];
            Thread.State state = t.thread.getState();
            if (state == Thread.State.BLOCKED) {
                continue;
            }
            Object blocker = LockSupport.getBlocker(t.thread);
            t.state = state;
            t.lock = clean(lockName(blocker));
            t.ownerId = -1;
            t.owner = null;
            // Without the lock's name a sleep cannot be told from a timed wait or join: said only once known.
            t.on = blocker != null ? "park" : "";
            report(now, t, t.on);
        }
    }

    /** A lock as {@code ThreadInfo.getLockName()} names it ({@code class@identity hash}), or "" for none. */
    static String lockName(Object lock) {
        return lock == null ? "" : lock.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(lock));
    }

    /** What a waiting thread waits on, from its state and the class of the object it waits for. */
    static String waitKind(Thread.State state, String lock) {
        if (state == Thread.State.BLOCKED) {
            return "monitor";
        }
        if (lock.isEmpty()) {
            return state == Thread.State.TIMED_WAITING ? "sleep" : "park";
        }
        if (lock.startsWith("java.lang.Thread@") || lock.startsWith("java.lang.ThreadGroup")) {
            return "join";
        }
        if (lock.startsWith("java.util.concurrent.")) {
            return "park";
        }
        return "wait";
    }

    private void report(long now, Traced t, String on) {
        if (!t.system) {
            lastChange = now;
        }
        Traced owner = t.ownerId < 0 ? null : traced.get(t.ownerId);
        out.append("S\t").append(now).append('\t').append(t.tid).append('\t').append(t.state).append('\t')
                .append(on).append('\t').append(t.lock).append('\t');
        if (owner != null && owner.tid != 0) {
            out.append(owner.tid);
        }
        out.append('\t').append(owner == null ? "" : owner.cleanName).append('\n');
    }

    private void describe(long now, Traced t) {
        out.append("J\t").append(now).append('\t').append(t.tid).append('\t').append(t.javaId).append('\t')
                .append(t.daemon ? 1 : 0).append('\t').append(t.system ? 1 : 0).append('\t').append(t.cleanName)
                .append('\t').append(t.carrier ? 1 : 0).append('\n');
    }

    /**
     * New threads are paired by name in the sample that sees them. A thread still unpaired after {@link
     * #DUMP_GRACE_NANOS} (renamed by another thread, so its OS thread kept the old name) is looked for by name and in
     * the thread dump every {@link #DUMP_INTERVAL_NANOS}, not on every sample: reading every thread's name costs about
     * 0.5 ms for 40 threads.
     */
    private void mapUnpaired(long now) {
        boolean fresh = false;
        for (Traced t : traced.values()) {
            fresh |= t.tid == 0 && t.firstSeen > now - DUMP_GRACE_NANOS;
        }
        if (!fresh && now - lastNameScan < DUMP_INTERVAL_NANOS) {
            return;
        }
        lastNameScan = now;
        if (!mapByNames(now) && now - lastDump >= DUMP_INTERVAL_NANOS && unmappedSince(now - DUMP_GRACE_NANOS)) {
            mapNativeIds(now);
        }
    }

    /** Pairs the threads not yet paired by their OS threads' names; returns whether none is left unpaired. */
    private boolean mapByNames(long now) {
        List<NativeNames.JavaThread> unpaired = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        taken.add(selfTid);
        for (Traced t : traced.values()) {
            if (t.tid == 0) {
                unpaired.add(new NativeNames.JavaThread(t.javaId, t.thread.getName()));
            } else {
                taken.add(t.tid);
            }
        }
        Map<Long, Long> paired = NativeNames.pair(unpaired, NativeNames.ownTasks(taken), taken, pid);
        for (Map.Entry<Long, Long> pair : paired.entrySet()) {
            Traced t = traced.get(pair.getKey());
            t.tid = pair.getValue();
            t.rename(t.thread.getName());
            describe(now, t);
        }
        return paired.size() == unpaired.size();
    }

    /** Whether a thread first seen before {@code seenBefore} is still without its OS thread. */
    private boolean unmappedSince(long seenBefore) {
        for (Traced t : traced.values()) {
            if (t.tid == 0 && t.firstSeen <= seenBefore) {
                return true;
            }
        }
        return false;
    }

    /** The JVM's thread dump pairs Java thread ids with OS thread ids whatever the threads' names. */
    private void mapNativeIds(long now) {
        lastDump = now;
        String dump = threadDump.take();
        if (dump == null) {
            return;
        }
        for (String line : dump.split("\n")) {
            Matcher header = DUMP_HEADER.matcher(line);
            if (!header.find()) {
                continue;
            }
            Traced t = traced.get(Long.parseLong(header.group(2)));
            if (t != null && t.tid == 0) {
                t.tid = Long.parseLong(header.group(3));
                t.rename(t.thread.getName());
                describe(now, t);
            }
        }
    }

    private void checkDeadlock(long now) {
        out.append(deadlocks.check(mxBean(), this, now));
    }

    /** What the sampler knows of a carrier: its OS thread and, when it waits, on what (a pinned virtual thread's). */
    @Override
    public VirtualSampler.Carrier of(Thread carrier) {
        Traced t = carrier == null ? null : traced.get(carrier.getId());
        if (t == null || t.tid == 0) {
            return null;
        }
        Traced owner = t.ownerId < 0 ? null : traced.get(t.ownerId);
        return new VirtualSampler.Carrier(t.tid, t.state, waitKind(t.state, t.lock), t.lock,
                owner == null ? 0 : owner.tid, owner == null ? "" : owner.name);
    }

    /**
     * {@code K nanos}, at most every {@value #MARK_NANOS} ns: this JVM ran Java code at that time, so a thread asleep
     * before then while Java calls it RUNNABLE was not stopped by a safepoint that has not been reported. Sent for
     * the sample before the last one: HotSpot logs a safepoint just after it lets the threads go, so a line can be
     * missing from the log for a moment after a safepoint ended, but not for a whole sample's tick.
     */
    private void mark(long sampled) {
        if (sampled - lastMark >= MARK_NANOS) {
            lastMark = sampled;
            out.append("K\t").append(sampled).append('\n');
        }
    }

    private ThreadMXBean mxBean() {
        if (threads == null) {
            threads = ManagementFactory.getThreadMXBean();
        }
        return threads;
    }

    @Override
    public String tidOf(long javaId) {
        Traced t = traced.get(javaId);
        return t == null || t.tid == 0 ? "" : Long.toString(t.tid);
    }

    private void flush() throws IOException {
        if (out.length() == 0) {
            return;
        }
        channel.write(out.toString().getBytes(StandardCharsets.UTF_8));
        out.setLength(0);
    }

    static String clean(String text) {
        return clean(text, 200);
    }

    static String clean(String text, int max) {
        String flat = text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return flat.length() > max ? flat.substring(0, max) + "…" : flat;
    }

    /** What this tracer knows about one Java thread. */
    private static final class Traced {
        final Thread thread;
        final long javaId;
        final boolean daemon;
        final boolean system;
        /** A carrier of virtual threads. */
        final boolean carrier;
        long tid;
        String name;
        /** The name as it goes out on a line (see {@link #clean}), made once for each new name. */
        String cleanName;
        Thread.State state;
        /** What it waits on, as it goes out on a line (see {@link #clean}). */
        String lock = "";
        String on = "";
        long ownerId = -1;
        /** The owner of the lock it is parked on, as read from the lock. */
        Thread owner;
        /** The state this sample saw, the park blocker when details were last asked, and when. */
        Thread.State observed;
        Object blocker;
        long detailsAt;

        final long firstSeen;
        /** The last sample that saw it alive. */
        long seenIn;

        void rename(String newName) {
            name = newName;
            cleanName = clean(newName);
        }

        Traced(Thread thread, long firstSeen) {
            this.thread = thread;
            this.firstSeen = firstSeen;
            this.javaId = thread.getId();
            this.daemon = thread.isDaemon();
            ThreadGroup group = thread.getThreadGroup();
            String groupName = group == null ? "" : group.getName();
            this.system = groupName.equals("system") || groupName.equals("InnocuousThreadGroup");
            rename(thread.getName());
            this.carrier = thread.getClass().getName().equals(CARRIER_CLASS);
        }
    }
}
