package dev.threadlab.run;

import dev.threadlab.protocol.JavaRelease;
import java.util.Map;

/**
 * Body of {@code POST /api/runs}. {@code stdin}, when present, is delivered and then closed. {@code trace}: record the
 * scheduling trace (default: on, see threadlab.trace.enabled-by-default). {@code jdk}: the JDK to compile for and run
 * on, 21 or 25 (default: {@link JavaRelease#DEFAULT}).
 */
public record RunRequest(String language, Map<String, String> files, String mainClass, String stdin, Boolean trace,
        Integer jdk) {

    public RunRequest(String language, Map<String, String> files, String mainClass, String stdin, Boolean trace) {
        this(language, files, mainClass, stdin, trace, null);
    }

    /** The JDK asked for; call after {@link RunRequestValidator#validate}, which refuses one that is not offered. */
    public JavaRelease release() {
        return jdk == null ? JavaRelease.DEFAULT : JavaRelease.of(jdk);
    }
}
