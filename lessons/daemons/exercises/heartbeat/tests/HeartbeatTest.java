import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeartbeatTest {
    @Test
    void heartbeatIsAStartedDaemonThread() {
        Thread heartbeat = Main.startHeartbeat();
        assertEquals("heartbeat", heartbeat.getName(), "the thread is named \"heartbeat\"");
        assertTrue(heartbeat.isAlive(), "startHeartbeat() returns a thread that has been started and keeps running");
        assertTrue(heartbeat.isDaemon(), "the heartbeat thread is a daemon thread, so the JVM does not wait for it");
    }
}
