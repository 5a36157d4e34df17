package dev.threadlab.tracer;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's stop-the-world collections, as the collectors themselves report each one (start and end in milliseconds
 * of uptime). While one lasts, every Java thread is stopped at a safepoint, the tracer's own too: the kernel sees them
 * asleep while Java still calls them RUNNABLE, which the trace would otherwise draw as I/O.
 *
 * <p>Every collection is reported by a notification, on the JVM's notification thread, sometimes after the tracer's
 * next sample. So each sample also reads the collectors' counts: while they are ahead of the notifications received
 * ({@link #behind()}), the tracer does not yet say that the JVM ran ({@code K}), and the launcher does not yet decide
 * that a thread asleep since then was doing I/O. Reading only the counts and the last collection was tried: with
 * collections a few milliseconds apart, most were missed. Collectors that count concurrent cycles ({@code ZGC
 * Cycles}, {@code Shenandoah Cycles}) stop nothing and are left out; their pauses have beans of their own.
 */
final class GcPauses implements NotificationListener {
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> notified = new HashMap<>();
    private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();
    /** Per collector, its count when {@link #poll} last looked. */
    private final Map<String, Long> polled = new HashMap<>();
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
                    long count = collector.getCollectionCount();
                    synchronized (pauses.notified) {
                        pauses.notified.put(collector.getName(), count);
                    }
                    pauses.polled.put(collector.getName(), count);
                    pauses.collectors.add(collector);
                    emitter.addNotificationListener(pauses, null, null);
                    // The collection just before the watch began: a thread may still be asleep since then.
                    if (count > 0 && collector instanceof com.sun.management.GarbageCollectorMXBean withInfo
                            && withInfo.getLastGcInfo() != null) {
                        pauses.lines.add(pauses.line(withInfo.getLastGcInfo(), collector.getName()));
                    }
                }
            }
        } catch (RuntimeException unavailable) {
            pauses.collectors.clear();
        }
        return pauses;
    }

    /** {@link System#nanoTime()} at the JVM's uptime 0 (within a millisecond): where the JVM's own clocks start. */
    long uptimeOrigin() {
        return uptimeOrigin;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        lines.add(line(info.getGcInfo(), info.getGcName()));
        synchronized (notified) {
            notified.merge(info.getGcName(), 1L, Long::sum);
        }
    }

    /** Whether a collection has happened whose notification has not arrived yet. */
    boolean behind() {
        synchronized (notified) {
            for (GarbageCollectorMXBean collector : collectors) {
                if (collector.getCollectionCount() > notified.getOrDefault(collector.getName(), Long.MAX_VALUE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Appends the last collection of each collector that collected since the last call, from the collector's own
     * record: when collections come every few milliseconds (a heap nearly full), notifications fall far behind, and
     * a collection may also be reported twice, which is harmless.
     */
    void poll(StringBuilder out) {
        for (GarbageCollectorMXBean collector : collectors) {
            long count = collector.getCollectionCount();
            if (count != polled.getOrDefault(collector.getName(), count)
                    && collector instanceof com.sun.management.GarbageCollectorMXBean withInfo) {
                GcInfo last = withInfo.getLastGcInfo();
                if (last != null) {
                    out.append(line(last, collector.getName()));
                }
            }
            polled.put(collector.getName(), count);
        }
    }

    private String line(GcInfo gc, String collector) {
        long start = uptimeOrigin + gc.getStartTime() * 1_000_000L;
        long end = uptimeOrigin + Math.max(gc.getEndTime(), gc.getStartTime()) * 1_000_000L;
        return "P\t" + start + "\t" + end + "\t" + JavaThreadTracer.clean(collector, 200) + "\n";
    }

    /** Appends the collections reported since the last call, as {@code P start end collector} lines. */
    void drainInto(StringBuilder out) {
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            out.append(line);
        }
    }
}
