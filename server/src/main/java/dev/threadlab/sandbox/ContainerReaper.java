package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Removes sandbox containers that a crashed server left behind: at start every container of this server's previous
 * life (see {@link SandboxOwner}), and then every minute every labelled container older than any run can live.
 * Live runs of other servers on the same engine are younger, so they are left alone.
 */
@Singleton
public class ContainerReaper {
    private static final Logger LOG = Logger.getLogger(ContainerReaper.class);

    /** A container create, attach and start takes well under a second; under full load a few seconds. */
    private static final Duration LONGEST_START = Duration.ofMinutes(1);

    private final DockerClient docker;
    private final SandboxConfig config;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sandbox-reaper"));

    private final SandboxOwner owner;

    ContainerReaper(DockerClient docker, SandboxConfig config, SandboxOwner owner) {
        this.docker = docker;
        this.config = config;
        this.owner = owner;
    }

    /** Before anything else starts (resumed gradings start containers of this owner too). */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        reapPreviousLife();
        schedule.scheduleWithFixedDelay(() -> {
            reapEnded();
            reap();
        }, 1, 1, TimeUnit.MINUTES);
    }

    /** Returns how many containers this server left behind before it last stopped. */
    public int reapPreviousLife() {
        return removeOwn(container -> true, "left by this server's previous run");
    }

    /**
     * Returns how many of this server's abandoned containers were removed: ones that ended, and ones created but never
     * started for longer than a start takes. A run removes its own container when it ends; one still here could not be
     * removed then (the engine was down). A create that the engine carried out while it was shutting down leaves a
     * container whose id the server never learnt.
     */
    public int reapEnded() {
        return reapAbandoned(Instant.now());
    }

    int reapAbandoned(Instant now) {
        Instant startedBefore = now.minus(LONGEST_START);
        return removeOwn(
                container -> List.of("exited", "dead").contains(container.getState())
                        || "created".equals(container.getState())
                                && Instant.ofEpochSecond(container.getCreated()).isBefore(startedBefore),
                "that ended or never started while the engine was away");
    }

    /**
     * Last of all shutdown observers, after the pool and the runs removed their containers: whatever of this server is
     * still on the engine (a start that raced the shutdown) goes too, so that a clean stop leaves nothing.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) ShutdownEvent event) {
        schedule.shutdownNow();
        removeOwn(container -> true, "still there when the server stopped");
    }

    /** Returns how many containers older than any run can live were removed. */
    public int reap() {
        Duration longestRun = config.limits().wallTime().compareTo(ProgramLimits.MAX_WALL_TIME) > 0
                ? config.limits().wallTime() : ProgramLimits.MAX_WALL_TIME;
        // A pooled container may wait up to max-idle before its run starts.
        Duration maxLife = config.limits().compileTime().plus(longestRun).plusMinutes(1).plus(config.pool().maxIdle());
        Instant oldest = Instant.now().minus(maxLife);
        return removeWhere(Map.of(config.label(), "run"),
                container -> Instant.ofEpochSecond(container.getCreated()).isBefore(oldest), "leftover");
    }

    /** Removes this server's containers that meet {@code condition}. */
    private int removeOwn(Predicate<Container> condition, String what) {
        return removeWhere(Map.of(owner.ownerLabel(), owner.id()), condition, what);
    }

    private int removeWhere(Map<String, String> labels, Predicate<Container> condition, String what) {
        try {
            int removed = 0;
            for (Container container : docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
                if (condition.test(container) && remove(container.getId())) {
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.infof("Removed %d sandbox container(s) %s", removed, what);
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.debugf("Reaper skipped: %s", SandboxImage.rootMessage(e));
            return 0;
        }
    }

    /** Every container a run created, running or not. */
    public List<Container> sandboxContainers() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(config.label(), "run")).exec();
    }

    private boolean remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
