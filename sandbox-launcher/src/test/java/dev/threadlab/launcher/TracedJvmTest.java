package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.JavaRelease;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracedJvmTest {

    @Test
    void eachJdkGetsItsOwnArchiveIfAnyAndTheSameTracer() {
        for (JavaRelease jdk : JavaRelease.values()) {
            List<String> arguments = TracedJvm.arguments(jdk, "/work/classes", "demo.Main");
            assertEquals(TracedJvm.ARCHIVED.contains(jdk),
                    arguments.contains("-XX:SharedArchiveFile=/opt/sandbox/program-" + jdk.feature() + ".jsa"),
                    arguments.toString());
            assertTrue(arguments.contains("-Dsun.misc.unsafe.memory.access=allow"), arguments.toString());
            assertEquals("demo.Main", arguments.get(arguments.size() - 1));
        }
    }

    @Test
    void theCommandLineIsShownAsTheLearnerWroteIt() {
        for (JavaRelease jdk : JavaRelease.values()) {
            String traced = ProgramJdk.java(jdk) + " -Xmx64m " + String.join(" ",
                    TracedJvm.arguments(jdk, "/work/classes", "Main")) + " arg";
            assertEquals(ProgramJdk.java(jdk) + " -Xmx64m -cp /work/classes Main arg", TracedJvm.asWritten(traced));
        }
    }
}
