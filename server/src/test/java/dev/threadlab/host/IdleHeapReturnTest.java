package dev.threadlab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdleHeapReturnTest {

    @Test
    void theStartedServerHasG1ReturnIdleHeap() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // The build's test JVMs run with the JVM's default collector, G1, on the machines this project runs on.
        assertEquals("true", vm.getVMOption("UseG1GC").getValue(), "the test JVM runs G1");
        assertEquals("10000", vm.getVMOption("G1PeriodicGCInterval").getValue());
        assertEquals("30", vm.getVMOption("MaxHeapFreeRatio").getValue());
        assertEquals("10", vm.getVMOption("MinHeapFreeRatio").getValue());
    }
}
