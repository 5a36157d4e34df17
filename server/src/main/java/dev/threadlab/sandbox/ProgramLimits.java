package dev.threadlab.sandbox;

import java.time.Duration;

/** Limits one program sets for itself (an exercise's, say); null fields keep the configured defaults. */
public record ProgramLimits(Duration wallTime, Long memoryBytes, Double cpus) {

    public static final ProgramLimits DEFAULTS = new ProgramLimits(null, null, null);
    /** The longest wall time a program may ask for (the reaper leaves younger containers alone). */
    public static final Duration MAX_WALL_TIME = Duration.ofMinutes(2);

    Duration wallTime(SandboxConfig config) {
        return wallTime != null ? wallTime : config.limits().wallTime();
    }

    long memoryBytes(SandboxConfig config) {
        return memoryBytes != null ? memoryBytes : config.limits().memory().asLongValue();
    }

    Double cpus(SandboxConfig config) {
        return cpus != null ? cpus : config.limits().cpus().orElse(null);
    }
}
