package dev.threadlab.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when programs can run: engine reachable and runner image built. Also shows the warm pool's state. */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    private final SandboxImage image;
    private final WarmPool pool;
    private final SandboxMetrics metrics;

    SandboxReadiness(SandboxImage image, WarmPool pool, SandboxMetrics metrics) {
        this.image = image;
        this.pool = pool;
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        ImageState state = image.state();
        WarmPool.State pool = this.pool.state();
        return HealthCheckResponse.named("sandbox")
                .status(state.ready())
                .withData("state", state.status().name())
                .withData("image", String.valueOf(state.tag()))
                .withData("reason", state.reason())
                .withData("poolEnabled", pool.enabled())
                .withData("poolReady", pool.ready())
                .withData("poolStarting", pool.starting())
                .withData("poolTarget", pool.target())
                .withData("poolRunsWarm", pool.claimed())
                .withData("poolRunsCold", pool.missed())
                .withData("containersAlive", metrics.containersAlive())
                .build();
    }
}
