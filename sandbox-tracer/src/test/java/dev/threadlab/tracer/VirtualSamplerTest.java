package dev.threadlab.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VirtualSamplerTest {
    @Test
    void whatAParkedThreadWaitsInComesFromTheTopOfItsStack() {
        assertEquals("sleep", VirtualSampler.waitOf(new StackTraceElement("java.lang.Thread", "sleepNanos", null, 0)));
        assertEquals("join", VirtualSampler.waitOf(new StackTraceElement("java.lang.Thread", "join", null, 0)));
        assertEquals("wait", VirtualSampler.waitOf(new StackTraceElement("java.lang.Object", "wait0", null, 0)));
        assertNull(VirtualSampler.waitOf(new StackTraceElement("java.util.concurrent.locks.LockSupport", "park", null, 0)));
    }

    @Test
    void rawStatesMapToTheProtocolsWordsAndJavaStates() {
        assertEquals("mounted", VirtualThreads.word(VirtualThreads.RUNNING));
        assertEquals("pinned", VirtualThreads.word(VirtualThreads.TIMED_PINNED));
        assertEquals("parked", VirtualThreads.word(VirtualThreads.PARKED));
        assertEquals("runnable", VirtualThreads.word(VirtualThreads.UNPARKED));
        assertEquals(Thread.State.TIMED_WAITING, VirtualThreads.javaState(VirtualThreads.TIMED_PARKED));
        assertEquals(Thread.State.WAITING, VirtualThreads.javaState(VirtualThreads.PINNED));
    }

    /** JDK 24 on: a virtual thread blocked on a monitor or in Object.wait() is unmounted, in states of its own. */
    @Test
    void theMonitorStatesOfNewerJdksMapToo() {
        assertEquals("blocked", VirtualThreads.word(VirtualThreads.BLOCKED));
        assertEquals(Thread.State.BLOCKED, VirtualThreads.javaState(VirtualThreads.BLOCKED));
        assertEquals("parked", VirtualThreads.word(VirtualThreads.TIMED_WAIT));
        assertEquals(Thread.State.TIMED_WAITING, VirtualThreads.javaState(VirtualThreads.TIMED_WAIT));
        assertEquals("runnable", VirtualThreads.word(VirtualThreads.UNBLOCKED));
        for (int onCarrier : new int[] {VirtualThreads.BLOCKING, VirtualThreads.WAITING, VirtualThreads.TIMED_WAITING}) {
            assertEquals("mounted", VirtualThreads.word(onCarrier));
            assertEquals(true, VirtualThreads.mounted(onCarrier));
        }
    }

    @Test
    void onAJdkWithoutVirtualThreadsNothingIsFound() {
        // The build's JDK is 17: no java.lang.VirtualThread, so the tracer samples platform threads only.
        if (Runtime.version().feature() < 21) {
            assertNull(VirtualThreads.find());
        }
    }
}
