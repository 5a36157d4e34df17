package dev.threadlab.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafepointLogTest {
    private static final String DUMP = "[1385985165ns] Safepoint \"ThreadDump\", Time since last: 1911660 ns, Reaching safepoint: "
            + "4242051 ns, Cleanup: 9621 ns, At safepoint: 1266088 ns, Total: 5517760 ns\n";
    private static final String GC = "[1378554188ns] Safepoint \"G1CollectFull\", Time since last: 94610959 ns, Reaching safepoint: "
            + "2624 ns, Cleanup: 31593 ns, At safepoint: 23928172 ns, Total: 23962389 ns\n";

    @Test
    void eachLoggedSafepointBecomesAPauseOnTheTracersClockWithItsOperation() {
        SafepointLog log = new SafepointLog(1, 1_000);
        StringBuilder out = new StringBuilder();
        log.take(GC + DUMP, out);
        assertEquals("P\t" + (1_000 + 1378554188L - 23962389L) + "\t" + (1_000 + 1378554188L) + "\tG1CollectFull\n"
                + "Y\t" + (1_000 + 1385985165L - 5517760L) + "\t" + (1_000 + 1385985165L) + "\tThreadDump\n", out.toString());
    }

    @Test
    void aLineSplitAcrossReadsIsTakenWhole() {
        SafepointLog log = new SafepointLog(1, 0);
        StringBuilder out = new StringBuilder();
        log.take(DUMP.substring(0, 40), out);
        assertEquals("", out.toString());
        log.take(DUMP.substring(40), out);
        assertTrue(out.toString().startsWith("Y\t"), out.toString());
    }

    @Test
    void linesHotSpotDidNotWriteAreIgnored() {
        SafepointLog log = new SafepointLog(1, 0);
        StringBuilder out = new StringBuilder();
        log.take("hello\n[12ns] Safepoint \"X\tY\", Total: 99999999999999999999999 ns\n" + "x".repeat(5000) + "\n", out);
        assertEquals("", out.toString());
    }

    @Test
    void collectionsAreToldFromOtherOperations() {
        for (String gc : new String[] {"G1CollectForAllocation", "GenCollectForAllocation", "ParallelGCFailedAllocation",
                "G1PauseRemark", "ZMarkStartYoung", "XRelocateStart", "ShenandoahInitMark", "CollectForMetadataAllocation"}) {
            assertTrue(SafepointLog.isCollection(gc), gc);
        }
        for (String other : new String[] {"ThreadDump", "FindDeadlocks", "Deoptimize", "HandshakeAllThreads",
                "ICBufferFull", "GetAllStackTraces", "Cleanup", "RedefineClasses"}) {
            assertFalse(SafepointLog.isCollection(other), other);
        }
    }
}
