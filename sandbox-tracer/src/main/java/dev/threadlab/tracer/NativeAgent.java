package dev.threadlab.tracer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * What the native tracer ({@code src/main/c/threadlab-agent.c}, loaded with {@code -agentpath}) asks of Java: the
 * rare and intricate parts, so that its hot path (every thread's state on every sample) stays native, without the JIT
 * compilers or class loading that cost the Java tracer a third of a 200-thread program's speed (measured:
 * docs/benchmarks/trace.md, "native sampling"). It calls these on its own thread, through JNI.
 */
final class NativeAgent {
    /** Set by the native agent once it has said hello to the launcher: the Java tracer is then not started. */
    private static volatile boolean active;

    private static final DeadlockReport DEADLOCKS = new DeadlockReport();
    private static ThreadMXBean threads;

    private NativeAgent() {
    }

    /** Whether the native agent traces this JVM. */
    static boolean loaded() {
        return active;
    }

    /** Registered by the agent: writes to its connection to the launcher. */
    private static native void send(byte[] bytes, int offset, int length);

    /** Gives the agent's own thread an id outside the program's (see {@link ThreadIds}). */
    static boolean giveBackId(Thread agentThread) {
        return ThreadIds.giveBack(agentThread);
    }

    /**
     * What threads blocked on a monitor, in {@code Object.wait} or in {@code join} wait for, from depth-0 thread infos
     * (no safepoint): one line {@code STATE lock ownerJavaId} (tab separated) per id, in order; an empty line for a
     * thread that is gone.
     */
    static String waits(long[] javaIds) {
        ThreadInfo[] infos = threads().getThreadInfo(javaIds, 0);
        StringBuilder lines = new StringBuilder();
        for (ThreadInfo info : infos) {
            if (info != null) {
                lines.append(info.getThreadState()).append('\t').append(JavaThreadTracer.clean(info.getLockName()))
                        .append('\t').append(info.getLockOwnerId());
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    /** A deadlock's lines ({@link DeadlockReport}), or "": {@code tids[i]} is the OS thread of {@code javaIds[i]}. */
    static String deadlock(long[] javaIds, long[] tids, long now) {
        return DEADLOCKS.check(threads(), new KnownTids(javaIds, tids), now);
    }

    /**
     * Takes over from the native sampling for good (the JVM runs virtual threads, which only the Java tracer follows):
     * runs the Java tracer on the calling thread, the agent's, with the threads the agent has already paired.
     */
    static void continueInJava(long[] javaIds, long[] tids) {
        Map<Long, Long> paired = new HashMap<>();
        for (int i = 0; i < javaIds.length; i++) {
            paired.put(javaIds[i], tids[i]);
        }
        new JavaThreadTracer(new Connection(), paired).run();
    }

    private static ThreadMXBean threads() {
        if (threads == null) {
            threads = ManagementFactory.getThreadMXBean();
        }
        return threads;
    }

    /** The agent's connection to the launcher, for the Java tracer once it takes over. */
    private static final class Connection extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            send(bytes, offset, length);
        }
    }

    /** Java thread ids to OS thread ids, as the agent knows them. */
    private static final class KnownTids implements DeadlockReport.Tids {
        private final Map<Long, Long> tids = new HashMap<>();

        KnownTids(long[] javaIds, long[] osTids) {
            for (int i = 0; i < javaIds.length; i++) {
                tids.put(javaIds[i], osTids[i]);
            }
        }

        @Override
        public String tidOf(long javaId) {
            Long tid = tids.get(javaId);
            return tid == null || tid == 0 ? "" : Long.toString(tid);
        }
    }
}
