package dev.threadlab.sandbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox reports to {@code /q/metrics}: the latency of each {@link RunPhase}, how executions ended, and how
 * many containers this server has alive (started and not yet removed: waiting in the pool, running, being removed).
 */
@Singleton
public class SandboxMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger alive = new AtomicInteger();
    private final Map<RunPhase, Timer> phases = new EnumMap<>(RunPhase.class);

    SandboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("threadlab.sandbox.containers.alive", alive, AtomicInteger::get)
                .description("Sandbox containers of this server that exist: pooled, running or being removed")
                .register(registry);
        for (RunPhase phase : RunPhase.values()) {
            phases.put(phase, Timer.builder("threadlab.run.phase")
                    .description("Time a run spends in each phase, from submission to its final status")
                    .tag("phase", phase.tag())
                    .publishPercentiles(0.5, 0.95)
                    .register(registry));
        }
    }

    /** How long a run spent in {@code phase}. */
    public void phase(RunPhase phase, Duration duration) {
        phases.get(phase).record(duration);
    }

    void executionEnded(SandboxOutcome.Kind kind) {
        Counter.builder("threadlab.sandbox.executions")
                .description("Sandbox executions (runs and graded runs) by how they ended")
                .tag("outcome", kind.name())
                .register(registry)
                .increment();
    }

    void containerStarted() {
        alive.incrementAndGet();
    }

    void containerRemoved() {
        alive.decrementAndGet();
    }

    public int containersAlive() {
        return alive.get();
    }
}
