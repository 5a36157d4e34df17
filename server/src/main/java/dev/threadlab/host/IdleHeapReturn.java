package dev.threadlab.host;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Has G1 give heap back to the host while the server is idle (JEP 346): a concurrent collection once no collection
 * ran for {@code threadlab.jvm.idle-heap-return}, after which G1 keeps at most 30 % of the heap free. A busy server
 * collects more often than that and never gets one. The machine's load is not asked: measured, the 1-minute load
 * stayed above 2 for half a minute after the server started on 2 cores, which kept the heap at its start-up size.
 * Set here, through the JVM's manageable flags, because the documented way to start the server is a bare
 * {@code java -jar}; flags given on the command line are overridden (set the interval to 0 to leave them alone).
 *
 * <p>Measured on 2 cores with the warm pool full, 25 s after start: 289-297 MB resident without, 246-248 MB with (the
 * live heap is about 30 MB; G1 had kept 110 MB committed). Under load G1 still grows the heap as its pause-time goal
 * needs: these flags only shrink an idle heap. Another collector or JVM leaves them unknown or read-only: logged, and
 * nothing else changes.
 */
@Singleton
public class IdleHeapReturn {
    private static final Logger LOG = Logger.getLogger(IdleHeapReturn.class);

    private final Duration interval;

    IdleHeapReturn(@ConfigProperty(name = "threadlab.jvm.idle-heap-return", defaultValue = "10s") Duration interval) {
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
                LOG.debug("Not G1: the heap is sized by the collector's own rules");
                return;
            }
            // In this order: the minimum may never exceed the maximum (defaults 40 and 70).
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", "30");
            vm.setVMOption("G1PeriodicGCInterval", Long.toString(interval.toMillis()));
        } catch (IllegalArgumentException | SecurityException | UnsupportedOperationException e) {
            LOG.infof("The JVM keeps its own heap sizing (%s)", e.getMessage());
        }
    }
}
