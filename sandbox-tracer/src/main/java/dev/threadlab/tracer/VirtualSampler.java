package dev.threadlab.tracer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the virtual threads of this JVM for {@link JavaThreadTracer}: each one's state, its carrier while mounted,
 * and what it waits on while parked. Up to {@value #MAX_LIVE_LANES} at a time (and {@value #MAX_LANES} over the run)
 * get a lane of their own; all of them are counted, so a program with 10 000 virtual threads is drawn as a few hundred
 * lanes and a summary, within the trace's size budget.
 *
 * <p>Listing them all costs about 10 ns a thread, so with more than {@value #MAX_LIVE_LANES} alive they are listed
 * every {@value #FULL_LIST_NANOS} ns rather than on every sample; the lanes' own threads are read on every sample.
 */
final class VirtualSampler {
    static final int MAX_LIVE_LANES = 256;
    static final int MAX_LANES = 1024;
    private static final long FULL_LIST_NANOS = 10_000_000;
    private static final long SUMMARY_NANOS = 50_000_000;
    /** How deep into a parked thread's stack to look for what parked it (sleep, join, wait sit near the top). */
    private static final int FRAMES_LOOKED_AT = 12;

    /** Looks up what the tracer knows of a carrier thread (null if nothing yet). */
    interface Carriers {
        Carrier of(Thread carrier);
    }

    /** What the tracer knows of a carrier thread. */
    record Carrier(long tid, Thread.State state, String on, String lock, long ownerTid, String ownerName) {
    }

    private final VirtualThreads threads;
    private final StringBuilder out;
    private final Carriers carriers;
    private final Map<Long, Lane> lanes = new HashMap<>();
    private final List<Thread> listed = new ArrayList<>();
    private int lanesGiven;
    private int live;
    private long lastList;
    private long lastSummary;
    private String summary = "";
    /** Whether a stack was walked yet in this JVM (see {@link #warmUp}). */
    private boolean walked;

    VirtualSampler(VirtualThreads threads, StringBuilder out, Carriers carriers) {
        this.threads = threads;
        this.out = out;
        this.carriers = carriers;
    }

    /** Samples once; returns whether a lane changed. */
    boolean sample(long now) {
        boolean changed = false;
        if (live <= MAX_LIVE_LANES || now - lastList >= FULL_LIST_NANOS) {
            changed = list(now);
        }
        // What a parked thread waits on takes a walk of its stack: the JVM's first walk took 12-50 ms (cold code on a
        // loaded machine, measured in the sandbox image), the next ones under 0.5 ms. So the first is done before any
        // state is read, and then every lane's state, each stamped when read: read one by one between walks, the
        // virtual-threads lesson's 100 ms sleepers were often over before their states were read, and drawn as
        // ending when the sample began, never asleep (or asleep, but with the empty stack of an ended thread).
        if (!walked) {
            warmUp();
        }
        for (Lane lane : lanes.values()) {
            lane.read = threads.state(lane.thread);
            lane.readAt = System.nanoTime();
        }
        for (Iterator<Lane> it = lanes.values().iterator(); it.hasNext(); ) {
            Lane lane = it.next();
            if (lane.read == VirtualThreads.TERMINATED) {
                out.append("X\t").append(lane.readAt).append('\t').append(lane.javaId).append('\n');
                it.remove();
                changed = true;
            } else if (lane.read != VirtualThreads.NEW) {
                changed |= report(lane.readAt, lane, lane.read);
            }
        }
        return changed;
    }

    /** Lists every live virtual thread: gives new ones a lane while there is room, and counts them all. */
    private boolean list(long now) {
        lastList = now;
        listed.clear();
        threads.collect(listed);
        live = listed.size();
        boolean added = false;
        int mounted = 0;
        int parked = 0;
        int pinned = 0;
        for (Thread thread : listed) {
            int state = threads.state(thread);
            mounted += VirtualThreads.mounted(state) ? 1 : 0;
            parked += state == VirtualThreads.PARKED || state == VirtualThreads.TIMED_PARKED ? 1 : 0;
            pinned += state == VirtualThreads.PINNED || state == VirtualThreads.TIMED_PINNED ? 1 : 0;
            long javaId = thread.getId();
            if (lanes.size() < MAX_LIVE_LANES && lanesGiven < MAX_LANES && !lanes.containsKey(javaId)
                    && state != VirtualThreads.TERMINATED) {
                lanes.put(javaId, new Lane(thread, javaId));
                lanesGiven++;
                added = true;
                out.append("V\t").append(now).append('\t').append(javaId).append('\t')
                        .append(JavaThreadTracer.clean(thread.getName(), 200)).append('\n');
            }
        }
        listed.clear();
        summarize(now, mounted, parked, pinned);
        return added;
    }

    private void summarize(long now, int mounted, int parked, int pinned) {
        String counts = live + "\t" + lanes.size() + "\t" + mounted + "\t" + parked + "\t" + pinned;
        if (!counts.equals(summary) && (now - lastSummary >= SUMMARY_NANOS || live == 0)) {
            summary = counts;
            lastSummary = now;
            out.append("A\t").append(now).append('\t').append(counts).append('\n');
        }
    }

    private boolean report(long now, Lane lane, int state) {
        Carrier carrier = VirtualThreads.mounted(state) ? carriers.of(threads.carrier(lane.thread)) : null;
        if (VirtualThreads.mounted(state) && carrier == null) {
            // On a carrier this tracer has not paired with its OS thread yet (its first look at the virtual threads
            // comes before its first at the platform threads): said next sample, with the carrier.
            return false;
        }
        String word = VirtualThreads.word(state);
        Thread.State javaState = VirtualThreads.javaState(state);
        String on = "";
        String lock = "";
        long ownerTid = 0;
        String ownerName = "";
        if (carrier != null && state == VirtualThreads.RUNNING && carrier.state() != null
                && carrier.state() != Thread.State.RUNNABLE) {
            // Mounted, but its carrier is blocked on a monitor or in Object.wait: pinned to the carrier.
            word = "pinned";
            javaState = carrier.state();
            on = carrier.on();
            lock = carrier.lock();
            ownerTid = carrier.ownerTid();
            ownerName = carrier.ownerName();
        } else if (VirtualThreads.parked(state)) {
            lock = JavaThreadTracer.lockName(LockSupport.getBlocker(lane.thread));
            on = lane.state == state && lock.equals(lane.lock) ? lane.on : parkedOn(lane.thread);
        } else if (state == VirtualThreads.BLOCKED) {
            on = "monitor"; // unmounted while it waits to enter a monitor (JDK 24 on)
        }
        long carrierTid = carrier == null ? 0 : carrier.tid();
        String line = word + "\t" + javaState + "\t" + (carrierTid == 0 ? "" : carrierTid) + "\t" + on + "\t"
                + JavaThreadTracer.clean(lock, 200) + "\t" + (ownerTid == 0 ? "" : ownerTid) + "\t"
                + JavaThreadTracer.clean(ownerName, 200);
        lane.state = state;
        lane.lock = lock;
        lane.on = on;
        if (line.equals(lane.line)) {
            return false;
        }
        lane.line = line;
        out.append("W\t").append(now).append('\t').append(lane.javaId).append('\t').append(line).append('\n');
        return true;
    }

    /** Walks the stack of one parked thread, if there is one, so that the next walks are fast. */
    private void warmUp() {
        for (Lane lane : lanes.values()) {
            if (VirtualThreads.parked(threads.state(lane.thread))) {
                parkedOn(lane.thread);
                walked = true;
                return;
            }
        }
    }

    /** Why a parked virtual thread parked, from the top of its stack (cheap while it is unmounted). */
    static String parkedOn(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, FRAMES_LOOKED_AT); i++) {
            String kind = waitOf(frames[i]);
            if (kind != null) {
                return kind;
            }
        }
        return "park";
    }

    static String waitOf(StackTraceElement frame) {
        String type = frame.getClassName();
        String method = frame.getMethodName();
        if (type.equals("java.lang.Thread") && (method.equals("sleep") || method.equals("sleepNanos"))) {
            return "sleep";
        }
        if (type.equals("java.lang.Thread") && method.equals("join")) {
            return "join";
        }
        if (type.equals("java.lang.Object") && method.startsWith("wait")) {
            return "wait";
        }
        return null;
    }

    /** One virtual thread with a lane of its own, and what was last reported of it. */
    private static final class Lane {
        final Thread thread;
        final long javaId;
        /** Its state as this sample read it, and when. */
        int read;
        long readAt;
        int state = -1;
        String lock = "";
        String on = "";
        String line;

        Lane(Thread thread, long javaId) {
            this.thread = thread;
            this.javaId = javaId;
        }
    }
}
