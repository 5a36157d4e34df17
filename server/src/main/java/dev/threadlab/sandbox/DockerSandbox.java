package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** {@link Sandbox} with one new Docker container per run. */
@Singleton
public class DockerSandbox implements Sandbox {

    private final DockerClient docker;
    private final SandboxConfig config;
    private final SandboxOwner owner;
    private final SandboxImage image;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "sandbox-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final ExecutorService finishers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "sandbox-finisher");
        thread.setDaemon(true);
        return thread;
    });

    DockerSandbox(DockerClient docker, SandboxConfig config, SandboxImage image, SandboxOwner owner) {
        this.docker = docker;
        this.owner = owner;
        this.config = config;
        this.image = image;
    }

    @Override
    public SandboxExecution start(SandboxProgram program, SandboxListener listener) {
        ImageState state = image.state();
        if (!state.ready()) {
            throw new SandboxUnavailableException("The sandbox is not available: " + state.reason());
        }
        DockerExecution execution = new DockerExecution(docker, config, timers, finishers, state.tag(),
                owner.labelsFor(program.runId()), program, listener);
        execution.begin();
        return execution;
    }

    void onStop(@Observes ShutdownEvent event) {
        timers.shutdownNow();
        finishers.shutdown();
    }
}
