package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sandbox containers created and started ahead of demand, with the launcher already running and warmed (it goes through
 * a run's path once while it waits, and compiles a tiny class when runs compile here; see SandboxLauncher {@code --warm}). Each is hardened exactly like a
 * container started for a run, is handed to exactly one run, and is removed after it; one that waited longer than
 * {@code max-idle} is replaced. Programs with limits of their own get a container of their own, as before.
 *
 * <p>Sizing: one container per CPU plus one by default (the run slots), never more than half of the host's available
 * memory divided by what a waiting container holds. Refills run in the background, a few at a time, because every start
 * costs CPU that runs need too (measured on 2 cores, in the container's cgroup: 67 ms for the launcher's JVM to wait
 * on stdin, 223 ms with its run path warmed, 468 ms with its compiler warmed too; the engine's work per container is
 * about 120 ms more).
 */
@Singleton
public class WarmPool {
    private static final Logger LOG = Logger.getLogger(WarmPool.class);
    /**
     * The CPU weight of a waiting container (cgroup cpu.shares; a run's is the default 1024): its launcher's start and
     * warm-up (about 450 ms of CPU) use only CPU that runs leave idle. The run that claims it raises it (see {@link
     * LauncherContainer#raiseCpuWeight}).
     */
    static final int WAITING_CPU_SHARES = 2;
    /** Measured on 2 cores: a hello world took 365 ms to its exit with the refill after it, 444 ms with it alongside. */
    private static final long REFILL_DELAY_MILLIS = 500;
    /** How soon a refill put off because the CPUs were busy is tried again. */
    private static final long BUSY_RETRY_MILLIS = 1000;

    private final DockerClient docker;
    private final SandboxConfig config;
    private final SandboxImage image;
    private final SandboxOwner owner;
    private final SandboxMetrics metrics;
    private final HostCpu cpu;
    private final Deque<LauncherContainer> ready = new ArrayDeque<>();
    private final ExecutorService starters;
    private final ExecutorService removers = Executors.newSingleThreadExecutor(DaemonThreads.named("sandbox-pool-remover"));
    private final ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sandbox-pool"));
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong failedStarts = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean retryPending = new java.util.concurrent.atomic.AtomicBoolean();
    private int starting;
    private boolean closed;

    WarmPool(DockerClient docker, SandboxConfig config, SandboxImage image, SandboxOwner owner, SandboxMetrics metrics,
            HostCpu cpu, MeterRegistry registry) {
        this.docker = docker;
        this.cpu = cpu;
        this.metrics = metrics;
        this.config = config;
        this.image = image;
        this.owner = owner;
        this.starters = Executors.newFixedThreadPool(Math.max(1, config.pool().refillConcurrency()),
                DaemonThreads.named("sandbox-pool-starter"));
        registerMetrics(registry);
    }

    private void registerMetrics(MeterRegistry registry) {
        String containers = "threadlab.pool.containers";
        Gauge.builder(containers, this, pool -> pool.state().ready()).tag("state", "ready")
                .description("Pooled sandbox containers by state").register(registry);
        Gauge.builder(containers, this, pool -> pool.state().starting()).tag("state", "starting")
                .description("Pooled sandbox containers by state").register(registry);
        Gauge.builder("threadlab.pool.target", this, pool -> pool.state().target())
                .description("Containers the pool keeps started").register(registry);
        FunctionCounter.builder("threadlab.pool.claims", claimed, AtomicLong::get).tag("result", "warm")
                .description("Runs that asked the pool for a container, by whether one was ready").register(registry);
        FunctionCounter.builder("threadlab.pool.claims", missed, AtomicLong::get).tag("result", "cold")
                .description("Runs that asked the pool for a container, by whether one was ready").register(registry);
        FunctionCounter.builder("threadlab.pool.replaced", replaced, AtomicLong::get)
                .description("Pooled containers replaced unused (waited too long, or ended)").register(registry);
        FunctionCounter.builder("threadlab.pool.start.failures", failedStarts, AtomicLong::get)
                .description("Pooled containers that could not be started").register(registry);
    }

    /** What the pool holds now, for health and metrics. */
    public record State(boolean enabled, int ready, int starting, int target, long claimed, long missed, long replaced,
            long failedStarts) {
    }

    void onStart(@Observes StartupEvent event) {
        if (config.pool().enabled()) {
            upkeep.scheduleWithFixedDelay(this::upkeep, 1, 5, TimeUnit.SECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /**
     * A started container for {@code program}, or null when it needs one of its own (limits of its own, pool off,
     * nothing started in time). The caller owns the container from now on.
     */
    LauncherContainer claim(SandboxProgram program) {
        if (!config.pool().enabled() || !ProgramLimits.DEFAULTS.equals(program.limits())) {
            return null;
        }
        LauncherContainer container = takeReady();
        // A moment later: the engine's work for a refill (about 200 ms of CPU) would slow this run's own start.
        later(this::refill, REFILL_DELAY_MILLIS);
        if (container == null) {
            missed.incrementAndGet();
        } else {
            claimed.incrementAndGet();
        }
        return container;
    }

    public State state() {
        synchronized (this) {
            int alive = (int) ready.stream().filter(container -> !container.hasEnded()).count();
            return new State(config.pool().enabled(), alive, starting, target(), claimed.get(), missed.get(),
                    replaced.get(), failedStarts.get());
        }
    }

    /** The ids of the containers waiting for a run (tests tell them from leftovers). */
    public synchronized List<String> waitingContainerIds() {
        return ready.stream().map(LauncherContainer::id).toList();
    }

    /**
     * The oldest waiting container, or null. A run never waits for one being started: under full load those get no CPU
     * (see {@link #WAITING_CPU_SHARES}), and a container of its own costs the run no more than a pooled one would.
     */
    private synchronized LauncherContainer takeReady() {
        for (LauncherContainer next = ready.pollFirst(); next != null && !closed; next = ready.pollFirst()) {
            if (!next.hasEnded()) {
                return next;
            }
            discard(next);
        }
        return null;
    }

    /**
     * Starts containers until the pool holds its target (counting the ones being started). While a run is under way,
     * the CPUs are busy and the pool still holds a container, the rest wait: measured on 2 cores, refilling during a
     * program with 4 CPU-bound threads made it 3-4 % slower. An empty pool is refilled at once, busy or not (the next run
     * needs a container), and so is one whose CPUs are busy with something other than runs.
     */
    void refill() {
        if (!config.pool().enabled() || !image.state().ready()) {
            return;
        }
        int target = target();
        int holding = holding();
        if (holding > 0 && holding < target && runsUnderWay() && cpuBusy()) {
            // One retry at a time, however many claims and upkeep passes found the CPUs busy.
            if (retryPending.compareAndSet(false, true)) {
                later(() -> {
                    retryPending.set(false);
                    refill();
                }, BUSY_RETRY_MILLIS);
            }
            return;
        }
        synchronized (this) {
            while (!closed && ready.size() + starting < target) {
                starting++;
                starters.execute(this::startOne);
            }
        }
    }

    private synchronized int holding() {
        return ready.size() + starting;
    }

    /** Whether any of this server's containers serves a run now (every container alive that the pool does not hold). */
    private boolean runsUnderWay() {
        return metrics.containersAlive() > holding();
    }

    private boolean cpuBusy() {
        try {
            return cpu.busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void later(Runnable task, long delayMillis) {
        try {
            upkeep.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The server is stopping: nothing to refill.
        }
    }

    private void startOne() {
        LauncherContainer container = null;
        try {
            ImageState state = image.state();
            if (state.ready()) {
                container = LauncherContainer.start(docker, metrics, state.tag(), "threadlab-pool-" + UUID.randomUUID(),
                        owner.labelsFor("pool"), HardenedHostConfig.from(config, ProgramLimits.DEFAULTS).withCpuShares(WAITING_CPU_SHARES),
                        config.hardening().networkDisabled(), launcherArgs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failedStarts.incrementAndGet();
            LOG.warnf("Could not start a pooled sandbox container: %s", SandboxImage.rootMessage(e));
        }
        synchronized (this) {
            starting--;
            if (container != null && !closed) {
                ready.addLast(container);
                container = null;
            }
        }
        if (container != null) {
            container.remove();
        }
    }

    /** The waiting launcher warms its compiler only when runs compile in their own containers (no compile service). */
    private List<String> launcherArgs() {
        return config.compiler().enabled() ? List.of("--warm") : List.of("--warm", "--warm-compiler");
    }

    /** Replaces containers that ended while waiting (the engine restarted) or waited too long, then refills. */
    private void upkeep() {
        try {
            long maxIdle = config.pool().maxIdle().toMillis();
            List<LauncherContainer> stale = new ArrayList<>();
            synchronized (this) {
                ready.removeIf(container -> {
                    boolean old = container.hasEnded() || container.ageMillis() > maxIdle;
                    if (old) {
                        stale.add(container);
                    }
                    return old;
                });
            }
            replaced.addAndGet(stale.size());
            stale.forEach(this::discard);
            refill();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Pool upkeep failed");
        }
    }

    private void discard(LauncherContainer container) {
        removers.execute(container::remove);
    }

    /** How many containers to keep: the configured size, within half of the memory the host has available. */
    int target() {
        int wanted = config.pool().size().orElse(Runtime.getRuntime().availableProcessors() + 1);
        long available = availableMemoryBytes();
        if (available > 0) {
            long fits = available / 2 / Math.max(1, config.pool().memoryPerContainer().asLongValue());
            wanted = (int) Math.min(wanted, fits);
        }
        return Math.max(0, wanted);
    }

    /** MemAvailable of /proc/meminfo; 0 when unknown (not Linux). The engine is assumed to run on this host. */
    private static long availableMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // Not Linux: size by configuration alone.
        }
        return 0;
    }

    /** Stops refilling and removes every waiting container; runs that claimed one remove theirs. */
    void close() {
        List<LauncherContainer> waiting;
        synchronized (this) {
            closed = true;
            waiting = new ArrayList<>(ready);
            ready.clear();
        }
        upkeep.shutdownNow();
        starters.shutdown();
        waiting.parallelStream().forEach(LauncherContainer::remove);
        try {
            // A start under way ends in startOne, which removes its container because the pool is closed.
            starters.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removers.shutdown();
    }
}
