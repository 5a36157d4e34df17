package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import dev.threadlab.protocol.CompileOrder;
import dev.threadlab.protocol.JavaRelease;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The compile service: one long-lived container of the sandbox image whose launcher ({@code --compile-server}) keeps
 * a warm compiler and compiles every run's sources, so that the run's own container needs no compiler at all.
 * Measured on 2 cores: each pooled container's compiler warm-up cost 260-280 ms of CPU and a run's compilation 45 ms;
 * here a hello world compiles in 5-10 ms.
 *
 * <p>Locked down like a run's container and more: no network, no capability, an unprivileged uid, a read-only root,
 * its own memory and process limits. No learner code runs in it (annotation processing is off), but it reads every
 * learner's sources, so it is not trusted either: its answers are checked ({@link CompileAnswer}), one that is late
 * ({@code threadlab.sandbox.compiler.timeout}) or malformed retires it, and a new one is started. Whenever it cannot
 * answer, the run's launcher compiles in the run's own container, as it did before this service existed.
 */
@Singleton
public class CompileService {
    private static final Logger LOG = Logger.getLogger(CompileService.class);
    /** How often a missing service is (re)started. */
    private static final long UPKEEP_SECONDS = 2;
    private static final String ROLE = "compiler";
    private static final List<String> JVM = List.of("/opt/sandbox/launcher-java", "-XX:+DisableAttachMechanism",
            "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:SharedArchiveFile=/opt/sandbox/launcher.jsa", "-cp", "/opt/sandbox/lib/launcher/*");

    /** What the service did so far, for health and metrics. */
    public record State(boolean enabled, boolean up, long answered, long fallbacks, long restarts) {
    }

    private final DockerClient docker;
    private final SandboxConfig config;
    private final SandboxImage image;
    private final SandboxOwner owner;
    private final ReentrantLock busy = new ReentrantLock();
    private final ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sandbox-compiler"));
    private final Timer latency;
    private final Counter answered;
    private final Counter fallbacks;
    private final Counter restarts;
    private volatile CompilerConnection connection;
    private volatile boolean closed;

    CompileService(DockerClient docker, SandboxConfig config, SandboxImage image, SandboxOwner owner, MeterRegistry registry) {
        this.docker = docker;
        this.config = config;
        this.image = image;
        this.owner = owner;
        this.latency = Timer.builder("threadlab.compiler.latency").description("Compile service requests, sent to answered")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.answered = requests(registry, "answered");
        this.fallbacks = requests(registry, "fallback");
        this.restarts = Counter.builder("threadlab.compiler.restarts")
                .description("Compile services retired (late, malformed or ended) and replaced").register(registry);
        Gauge.builder("threadlab.compiler.up", this, service -> service.state().up() ? 1 : 0)
                .description("Whether the compile service is up").register(registry);
    }

    private static Counter requests(MeterRegistry registry, String result) {
        return Counter.builder("threadlab.compiler.requests").tag("result", result)
                .description("Compilations asked of the compile service, by whether it answered or the run compiled itself")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.compiler().enabled()) {
            upkeep.scheduleWithFixedDelay(this::ensureRunning, 0, UPKEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Stops the upkeep and removes the service's container. */
    void close() {
        closed = true;
        upkeep.shutdownNow();
        CompilerConnection last = connection;
        connection = null;
        if (last != null) {
            last.container().remove();
        }
    }

    public State state() {
        CompilerConnection current = connection;
        return new State(config.compiler().enabled(), current != null && current.alive(), (long) answered.count(),
                (long) fallbacks.count(), (long) restarts.count());
    }

    /** The service's container, or null while it is down (tests look for it on the engine). */
    String containerId() {
        CompilerConnection current = connection;
        return current == null ? null : current.container().id();
    }

    /**
     * The program's {@code .java} files compiled, or empty when the service cannot answer now (off, starting, busy for
     * longer than its timeout, or failing): the run's launcher then compiles them itself.
     */
    public Optional<CompileAnswer.Result> compile(Map<String, String> files, CompileOrder order)
            throws InterruptedException {
        CompilerConnection current = connection;
        Duration timeout = config.compiler().timeout();
        if (current == null || !current.alive() || !busy.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fallbacks.increment();
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            if (current != connection) {
                // Retired while this request waited for its turn.
                fallbacks.increment();
                return Optional.empty();
            }
            CompileAnswer.Result result = current.ask(javaSources(files), order, timeout);
            latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            answered.increment();
            return Optional.of(result);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("The compile service failed (%s); the run compiles in its own container, and the service is replaced",
                    e instanceof TimeoutException ? "no answer within " + timeout.toMillis() + " ms" : SandboxImage.rootMessage(e));
            retire(current);
            fallbacks.increment();
            return Optional.empty();
        } finally {
            busy.unlock();
        }
    }

    private static Map<String, String> javaSources(Map<String, String> files) {
        Map<String, String> sources = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".java")) {
                sources.put(name, text);
            }
        });
        return sources;
    }

    /** Takes a service out of use and removes its container; the upkeep starts another. */
    private void retire(CompilerConnection old) {
        if (old == connection) {
            connection = null;
            restarts.increment();
        }
        try {
            upkeep.execute(() -> old.container().remove());
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            old.container().remove();
        }
    }

    /** Starts the service when it is missing and the image is there; it is used once it answered a first request. */
    void ensureRunning() {
        CompilerConnection current = connection;
        if (closed || current != null && current.alive()) {
            return;
        }
        if (current != null) {
            retire(current);
        }
        ImageState state = image.state();
        if (!state.ready()) {
            return;
        }
        CompilerConnection started = null;
        try {
            started = new CompilerConnection(LauncherContainer.start(docker, () -> { }, () -> { }, create(state.tag())));
            if (started.ask(Map.of("Probe.java", "class Probe { }"), new CompileOrder(JavaRelease.DEFAULT, null),
                    probeTimeout()).compiled() && !closed) {
                started.container().raiseCpuWeight();
                connection = started;
                LOG.debugf("Compile service %s is up", started.container().id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("Could not start the compile service (%s); runs compile in their own containers meanwhile",
                    SandboxImage.rootMessage(e));
        } finally {
            // A service that did not answer its probe in time is removed too: on a machine loaded to a load average
            // of 300, one leaked container a minute (each a JVM with a 256 MB heap) piled up to 60.
            if (started != null && started != connection) {
                started.container().remove();
            }
        }
    }

    /** The first answer comes after the service's warm-up (about 2 s of CPU; longer while runs compete for it). */
    private Duration probeTimeout() {
        Duration warmUp = Duration.ofSeconds(60);
        return config.compiler().timeout().compareTo(warmUp) > 0 ? config.compiler().timeout() : warmUp;
    }

    private CreateContainerCmd create(String tag) {
        List<String> command = new java.util.ArrayList<>(JVM);
        command.add("-Xmx" + config.compiler().memory().asLongValue() / 2 / (1024 * 1024) + "m");
        command.addAll(List.of("dev.threadlab.launcher.SandboxLauncher", "--compile-server"));
        Map<String, String> labels = Map.of(config.label(), ROLE, owner.ownerLabel(), owner.id());
        return LauncherContainer.attachedCreate(docker, tag, "threadlab-compiler-" + UUID.randomUUID(), labels,
                HardenedHostConfig.forCompileService(config), true)
                .withUser("10000:10000")
                .withEntrypoint(command);
    }
}
