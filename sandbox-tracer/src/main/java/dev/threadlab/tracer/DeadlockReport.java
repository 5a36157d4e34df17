package dev.threadlab.tracer;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a deadlock in this JVM with the JVM's own cycle detection and words it for the launcher: {@code D nanos count
 * message} followed by one {@code d tid name waitsFor ownerTid ownerName held,held} line per thread of the cycle. A
 * deadlock is reported once it has been seen twice in a row, so a lock hand-over in flight is not mistaken for one, and
 * only once. Used by the Java tracer and, through {@link NativeAgent}, by the native one.
 */
final class DeadlockReport {
    /** A deadlock's message names every thread of the cycle, what it waits for and holds: never cut short. */
    private static final int MAX_DEADLOCK_MESSAGE = 8000;

    /** A Java thread's OS thread id as the lines carry it ("" if unknown). A named type, not a lambda: see the tracer. */
    interface Tids {
        String tidOf(long javaId);
    }

    private String reported;
    private String previous;

    /**
     * The lines for a deadlock seen now and at the last check, not reported before; "" otherwise. {@code tids} gives
     * a Java thread's OS thread id.
     */
    String check(ThreadMXBean threads, Tids tids, long now) {
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            previous = null;
            return "";
        }
        ThreadInfo[] infos = threads.getThreadInfo(ids, true, true);
        StringBuilder message = new StringBuilder("Deadlock: ");
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < infos.length; i++) {
            ThreadInfo info = infos[i];
            if (info == null || info.getThreadState() == Thread.State.TIMED_WAITING) {
                previous = null;
                return ""; // a timed wait ends by itself
            }
            if (i > 0) {
                message.append("; ");
            }
            message.append('"').append(info.getThreadName()).append("\" waits for ").append(info.getLockName())
                    .append(" held by \"").append(info.getLockOwnerName()).append('"');
            List<String> held = new ArrayList<>();
            for (var monitor : info.getLockedMonitors()) {
                held.add(monitor.getClassName() + "@" + Integer.toHexString(monitor.getIdentityHashCode()));
            }
            for (var synchronizer : info.getLockedSynchronizers()) {
                held.add(synchronizer.getClassName() + "@" + Integer.toHexString(synchronizer.getIdentityHashCode()));
            }
            if (!held.isEmpty()) {
                message.append(" and holds ").append(String.join(", ", held));
            }
            members.append("d\t").append(tids.tidOf(info.getThreadId())).append('\t')
                    .append(JavaThreadTracer.clean(info.getThreadName())).append('\t')
                    .append(JavaThreadTracer.clean(info.getLockName())).append('\t')
                    .append(tids.tidOf(info.getLockOwnerId())).append('\t')
                    .append(JavaThreadTracer.clean(info.getLockOwnerName())).append('\t')
                    .append(JavaThreadTracer.clean(String.join(",", held))).append('\n');
        }
        String text = message.toString();
        boolean report = text.equals(previous) && !text.equals(reported);
        previous = text;
        if (!report) {
            return "";
        }
        reported = text;
        return "D\t" + now + '\t' + infos.length + '\t' + JavaThreadTracer.clean(text, MAX_DEADLOCK_MESSAGE) + '\n'
                + members;
    }
}
