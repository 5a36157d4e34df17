package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CompileOrderTest {

    @Test
    void anOrderSurvivesTheTrip() throws Exception {
        CompileOrder chinese = new CompileOrder(JavaRelease.JDK_21, "zh-CN");
        assertEquals(chinese, CompileOrder.fromPayload(chinese.toPayload()));
        assertEquals(Locale.SIMPLIFIED_CHINESE, CompileOrder.fromPayload(chinese.toPayload()).locale());
        CompileOrder english = new CompileOrder(JavaRelease.JDK_25, "");
        assertEquals("25", new String(english.toPayload(), StandardCharsets.US_ASCII));
        assertEquals(Locale.ENGLISH, CompileOrder.fromPayload(english.toPayload()).locale());
    }

    @Test
    void theLongestOrderFitsTheFrame() {
        CompileOrder longest = new CompileOrder(JavaRelease.JDK_25, "abc-12345678-12345678");
        assertTrue(longest.toPayload().length <= ServerFrame.COMPILE.maxPayload());
    }

    @Test
    void unreadableOrdersAreViolations() {
        for (String payload : new String[] {"", "17", "25 zh CN", "x zh-CN", "25 zh-CN; rm -rf /"}) {
            assertThrows(ProtocolViolation.class,
                    () -> CompileOrder.fromPayload(payload.getBytes(StandardCharsets.US_ASCII)), payload);
        }
    }

    @Test
    void aReleaseIsNamedByItsFeatureVersion() {
        assertEquals(JavaRelease.JDK_21, JavaRelease.of(21));
        assertEquals("/opt/sandbox/jdk/25", JavaRelease.of(25).home());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> JavaRelease.of(8));
        assertTrue(refused.getMessage().contains("21, 25"), refused.getMessage());
    }
}
