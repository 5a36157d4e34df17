package dev.threadlab.sandbox;

import dev.threadlab.protocol.JavaRelease;
import java.util.List;
import java.util.Map;

/**
 * What to compile and run: source files by relative path, the main class, and optional stdin. When stdin is
 * given it is delivered and then closed; when it is null, stdin stays open for interactive input.
 * {@code traceSampleHz} > 0 records the scheduling trace of every process and thread at that sampling rate.
 * {@code limits} overrides the configured limits for this program (null: the defaults). With {@code tests}, the
 * test classes are compiled against the sources and run with JUnit instead of the main class. Without a main class
 * and tests, the sources are only compiled (the outcome is EXITED 0 or COMPILE_ERROR). {@code jvmOptions} go to
 * the JVM that runs the main class or the tests (an exercise's, such as keeping a class out of the JIT).
 * {@code language} is the BCP 47 tag of the language the compiler's messages are for (null: English). {@code jdk} is
 * the JDK the program is compiled for and runs on (null: {@link JavaRelease#DEFAULT}).
 */
public record SandboxProgram(String runId, Map<String, String> files, String mainClass, String stdin, int traceSampleHz,
        ProgramLimits limits, TestSuite tests, List<String> jvmOptions, String language, JavaRelease jdk) {

    public SandboxProgram(String runId, Map<String, String> files, String mainClass, String stdin, int traceSampleHz) {
        this(runId, files, mainClass, stdin, traceSampleHz, ProgramLimits.DEFAULTS, null, List.of(), null, null);
    }

    public SandboxProgram(String runId, Map<String, String> files, String mainClass, String stdin, int traceSampleHz,
            ProgramLimits limits, TestSuite tests, List<String> jvmOptions) {
        this(runId, files, mainClass, stdin, traceSampleHz, limits, tests, jvmOptions, null, null);
    }

    public boolean isCompileOnly() {
        return mainClass == null && tests == null;
    }

    public SandboxProgram {
        limits = limits == null ? ProgramLimits.DEFAULTS : limits;
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
        jdk = jdk == null ? JavaRelease.DEFAULT : jdk;
    }
}
