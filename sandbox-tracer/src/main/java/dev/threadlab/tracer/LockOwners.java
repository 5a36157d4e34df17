package dev.threadlab.tracer;

import java.lang.reflect.Field;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * The thread that holds a {@code java.util.concurrent} lock, read from the lock itself: what
 * {@code ThreadInfo.getLockOwnerId()} reports for a thread parked on it, without asking the JVM for a thread info. Those
 * cost about 7 us a thread (measured in the sandbox image); a 200-thread queue program, whose threads park and wake
 * between every two samples, spent 35-58 ms of CPU a second on them.
 */
final class LockOwners {
    /** The offset of {@code AbstractOwnableSynchronizer.exclusiveOwnerThread}, or -1 on a JDK without that field. */
    private static final long OWNER = ownerOffset();

    private LockOwners() {
    }

    /** Whether owners can be read here; if not, the tracer asks the JVM's thread infos as before. */
    static boolean available() {
        return OWNER >= 0;
    }

    /** The exclusive owner of {@code blocker} if it is a lock that has one (null for conditions and other blockers). */
    @SuppressWarnings({"deprecation", "removal"})
    static Thread of(Object blocker) {
        if (OWNER < 0 || !(blocker instanceof AbstractOwnableSynchronizer)) {
            return null;
        }
        return (Thread) JdkInternals.UNSAFE.getObjectVolatile(blocker, OWNER);
    }

    private static long ownerOffset() {
        try {
            Field owner = JdkInternals.field(AbstractOwnableSynchronizer.class, "exclusiveOwnerThread", Thread.class);
            return JdkInternals.offset(owner);
        } catch (NoSuchFieldException | RuntimeException unavailable) {
            return -1;
        }
    }
}
