package dev.threadlab.run;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SocketQuotaTest {

    @Test
    void aRunAndAnAddressEachHaveTheirShareAndGetItBackWhenASocketCloses() {
        SocketQuota quota = new SocketQuota(2, 3);
        assertNull(quota.open("run-1", "10.0.0.1"));
        assertNull(quota.open("run-1", "10.0.0.2"));
        String perRun = quota.open("run-1", "10.0.0.3").english();
        assertTrue(perRun.contains("this run (2)"), perRun);

        assertNull(quota.open("run-2", "10.0.0.1"));
        assertNull(quota.open("run-3", "10.0.0.1"));
        String perAddress = quota.open("run-4", "10.0.0.1").english();
        assertTrue(perAddress.contains("your address (3)"), perAddress);

        quota.release("run-1", "10.0.0.1");
        assertNull(quota.open("run-4", "10.0.0.1"), "a closed socket gives its place back");
        assertNull(quota.open("run-1", "10.0.0.3"));
    }
}
