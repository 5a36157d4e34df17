package dev.threadlab.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when programs can run: engine reachable and runner image built. */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    private final SandboxImage image;

    SandboxReadiness(SandboxImage image) {
        this.image = image;
    }

    @Override
    public HealthCheckResponse call() {
        ImageState state = image.state();
        return HealthCheckResponse.named("sandbox")
                .status(state.ready())
                .withData("state", state.status().name())
                .withData("image", String.valueOf(state.tag()))
                .withData("reason", state.reason())
                .build();
    }
}
