package dev.threadlab.launcher;

import dev.threadlab.protocol.JavaRelease;
import java.util.Map;

/**
 * The JDK of a run's JVMs: the program's, the test runner's, and any the program starts itself. A program that starts
 * {@code java} from PATH, or from {@code JAVA_HOME}, gets the same JDK as its own JVM, as it would on a machine with
 * only that JDK.
 */
final class ProgramJdk {
    private ProgramJdk() {
    }

    /** The {@code java} command of that JDK. */
    static String java(JavaRelease jdk) {
        return jdk.home() + "/bin/java";
    }

    /** Puts that JDK first on PATH and names it in JAVA_HOME. */
    static void configure(Map<String, String> environment, JavaRelease jdk) {
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("PATH", jdk.home() + "/bin:" + path);
        environment.put("JAVA_HOME", jdk.home());
    }
}
