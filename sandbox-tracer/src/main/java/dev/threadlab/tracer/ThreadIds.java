package dev.threadlab.tracer;

import java.lang.reflect.Field;

/**
 * Keeps the tracer's own thread out of the Java thread ids the program sees. Java numbers threads from one counter
 * as they are created, so the tracer's thread, created before the program's {@code main}, would take the id that the
 * program's first thread gets without tracing, and shift every later one (a program that seeds {@code Random} with its
 * thread id would behave differently when traced). So the tracer's thread gets an id far outside the counter's range,
 * and the counter goes back by one: only if no other thread took an id meanwhile (compare-and-set), so no two threads
 * ever share an id. On a JDK whose counter is not where JDK 21 keeps it, nothing changes.
 */
final class ThreadIds {
    /** The tracer thread's id: no JVM creates this many threads. */
    static final long TRACER_ID = Long.MAX_VALUE - 1;

    private ThreadIds() {
    }

    /** Called on the tracer's thread before it starts, right after it was created; returns whether it worked. */
    static boolean giveBack(Thread tracer) {
        try {
            Class<?> identifiers = Class.forName("java.lang.Thread$ThreadIdentifiers", true, null);
            // The address of the JVM's counter of thread ids (Thread.getNextThreadIdOffset()).
            long counter = JdkInternals.staticLong(JdkInternals.field(identifiers, "NEXT_TID_OFFSET", long.class));
            Field tid = JdkInternals.field(Thread.class, "tid", long.class);
            long taken = tracer.getId();
            if (counter == 0 || !JdkInternals.UNSAFE.compareAndSwapLong(null, counter, taken + 1, taken)) {
                return false;
            }
            JdkInternals.UNSAFE.putLong(tracer, JdkInternals.offset(tid), TRACER_ID);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError otherJdk) {
            return false;
        }
    }
}
