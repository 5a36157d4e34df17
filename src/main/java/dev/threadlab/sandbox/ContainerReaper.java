package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Removes sandbox containers that a crashed server left behind: at start and then every minute, every labelled
 * container older than any run can live. Live runs (of this or another server on the same engine) are younger,
 * so they are left alone.
 */
@Singleton
public class ContainerReaper {
    private static final Logger LOG = Logger.getLogger(ContainerReaper.class);

    private final DockerClient docker;
    private final SandboxConfig config;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-reaper");
        thread.setDaemon(true);
        return thread;
    });

    ContainerReaper(DockerClient docker, SandboxConfig config) {
        this.docker = docker;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        schedule.scheduleWithFixedDelay(this::reap, 0, 1, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent event) {
        schedule.shutdownNow();
    }

    /** Returns how many containers were removed. */
    public int reap() {
        try {
            List<Container> labelled = sandboxContainers();
            Duration longestRun = config.limits().wallTime().compareTo(ProgramLimits.MAX_WALL_TIME) > 0
                    ? config.limits().wallTime() : ProgramLimits.MAX_WALL_TIME;
            Duration maxLife = config.limits().compileTime().plus(longestRun).plusMinutes(1);
            Instant oldest = Instant.now().minus(maxLife);
            int removed = 0;
            for (Container container : labelled) {
                boolean stale = Instant.ofEpochSecond(container.getCreated()).isBefore(oldest);
                if (stale && remove(container.getId())) {
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.infof("Removed %d leftover sandbox container(s)", removed);
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
