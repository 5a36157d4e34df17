package dev.threadlab.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when programs can run: engine reachable and runner image built. Also shows the warm pool's state and the
 * compile service's (a run compiles in its own container while that is down, so it does not decide readiness).
 */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    private final SandboxImage image;
    private final WarmPool pool;
    private final SandboxMetrics metrics;
    private final CompileService compiler;

    SandboxReadiness(SandboxImage image, WarmPool pool, SandboxMetrics metrics, CompileService compiler) {
        this.compiler = compiler;
        this.image = image;
        this.pool = pool;
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        ImageState state = image.state();
        WarmPool.State pool = this.pool.state();
        CompileService.State compile = compiler.state();
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
                .withData("compilerEnabled", compile.enabled())
                .withData("compilerUp", compile.up())
                .withData("compilerAnswered", compile.answered())
                .withData("compilerFallbacks", compile.fallbacks())
                .withData("compilerRestarts", compile.restarts())
                .build();
    }
}
