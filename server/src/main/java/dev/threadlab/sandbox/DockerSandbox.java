package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@link Sandbox} with one Docker container per run: a started one from the {@link WarmPool}, else a new one. The
 * program is compiled by the {@link CompileService} first, when it answers, and then needs a container only to run.
 */
@Singleton
public class DockerSandbox implements Sandbox {

    private final DockerClient docker;
    private final SandboxConfig config;
    private final SandboxOwner owner;
    private final SandboxImage image;
    private final WarmPool pool;
    private final CompileService compiler;
    private final SandboxMetrics metrics;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, DaemonThreads.named("sandbox-timer"));

    private final ExecutorService finishers = Executors.newCachedThreadPool(DaemonThreads.named("sandbox-finisher"));

    DockerSandbox(DockerClient docker, SandboxConfig config, SandboxImage image, SandboxOwner owner, WarmPool pool,
            CompileService compiler, SandboxMetrics metrics) {
        this.compiler = compiler;
        this.docker = docker;
        this.metrics = metrics;
        this.pool = pool;
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
        DockerExecution execution = new DockerExecution(docker, metrics, config, timers, finishers, state.tag(),
                owner.labelsFor(program.runId()), program, listener);
        execution.begin(compiler, () -> pool.claim(program));
        return execution;
    }

    /** Containers of runs that just ended are removed after their outcome: the server waits for that before it exits. */
    void onStop(@Observes ShutdownEvent event) {
        timers.shutdownNow();
        finishers.shutdown();
        try {
            finishers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
