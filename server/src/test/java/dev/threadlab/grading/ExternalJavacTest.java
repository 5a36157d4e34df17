package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of an exercise whose reference solution uses Java 21 compile on a server that runs on JDK 17, with a
 * newer JDK found beside it (CI machines have Temurin 25 under /usr/lib/jvm).
 */
class ExternalJavacTest {
    private static final Map<String, String> PROGRAM = Map.of("Main.java", """
            public class Main {
                static Thread start(Runnable task) {
                    return Thread.ofVirtual().start(task);   // Java 21
                }
            }
            """);

    @Test
    void theServersOwnJdkIsReadFromItsReleaseFile() {
        assertEquals(Runtime.version().feature(), NewerJdk.featureVersion(Path.of(System.getProperty("java.home"))));
        assertEquals(0, NewerJdk.featureVersion(Path.of("/nonexistent")));
    }

    @Test
    void aJdk21TestCompilesAgainstAJava21SolutionAndOnlyItsClassesComeBack() throws Exception {
        Path jdk = newerJdk();
        Map<String, byte[]> classes = ExternalJavac.compileTests(jdk, 21, "", PROGRAM, Map.of("MainTest.java", """
                class MainTest {
                    static class Inner { }
                    void check() throws InterruptedException { Main.start(() -> { }).join(); }
                }
                """));
        assertEquals(java.util.Set.of("MainTest", "MainTest$Inner"), classes.keySet());
        byte[] mainTest = classes.get("MainTest");
        assertEquals(65, ((mainTest[6] & 0xff) << 8) | (mainTest[7] & 0xff), "class file version of Java 21");
    }

    @Test
    void aTestThatDoesNotCompileIsRefusedWithTheCompilersWords() {
        Path jdk = newerJdk();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ExternalJavac.compileTests(jdk, 21, "",
                PROGRAM, Map.of("MainTest.java", "class MainTest { void check() { Main.stop(); } }")));
        assertTrue(e.getMessage().startsWith("The exercise's hidden tests do not compile against its solution: "), e.getMessage());
        assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
    }

    @Test
    void aConfiguredJdkThatIsTooOldIsRefused() {
        String own = System.getProperty("java.home");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NewerJdk.find(Optional.of(own), Runtime.version().feature() + 1));
        assertTrue(e.getMessage().contains("is not a JDK"), e.getMessage());
    }

    /** The server's own JDK if it is 21 or newer, else one found beside it, which this machine kind always has. */
    private static Path newerJdk() {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        return NewerJdk.find(Optional.empty(), 21).orElseThrow(() -> new AssertionError(
                "no JDK 21 or newer beside " + System.getProperty("java.home") + "; this machine kind has Temurin 25"));
    }
}
