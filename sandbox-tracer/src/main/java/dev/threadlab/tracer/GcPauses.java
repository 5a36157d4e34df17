package dev.threadlab.tracer;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's stop-the-world collections, as the JVM itself reports them when each ends (the collectors' notifications,
 * with start and end in milliseconds of uptime). While one lasts, every Java thread is stopped at a safepoint: the
 * kernel sees it asleep and Java still calls it RUNNABLE, which the trace would otherwise draw as I/O. Collectors whose
 * beans count concurrent cycles ({@code ZGC Cycles}, {@code Shenandoah Cycles}) stop nothing and are left out; their
 * pauses have beans of their own. Notifications come on the JVM's notification thread; the tracer's thread sends them.
 */
final class GcPauses implements NotificationListener {
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    /** {@link System#nanoTime()} at uptime 0, within a millisecond. */
    private final long uptimeOrigin;

    private GcPauses(long uptimeOrigin) {
        this.uptimeOrigin = uptimeOrigin;
    }

    /** Starts listening to every collector that stops the world; without them, reports nothing (never fails). */
    static GcPauses listen() {
        GcPauses pauses = new GcPauses(System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L);
        try {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter && !collector.getName().endsWith("Cycles")) {
                    emitter.addNotificationListener(pauses, null, null);
                }
            }
        } catch (RuntimeException unavailable) {
            // Tracing is best effort: the threads are still reported, pauses then show as the kernel sees them.
        }
        return pauses;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        long start = uptimeOrigin + gc.getStartTime() * 1_000_000L;
        long end = uptimeOrigin + Math.max(gc.getEndTime(), gc.getStartTime()) * 1_000_000L;
        lines.add("P\t" + start + "\t" + end + "\t" + JavaThreadTracer.clean(info.getGcName(), 200) + "\t"
                + JavaThreadTracer.clean(info.getGcCause(), 200) + "\n");
    }

    /** Appends the pauses reported since the last call, as {@code P start end collector cause} lines. */
    void drainInto(StringBuilder out) {
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            out.append(line);
        }
    }
}
