package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Makes sure the runner image exists: at start it checks the engine and the image, and builds the image with
 * {@code sandbox-image/build.sh} when it is missing. Lessons are served meanwhile; runs wait for {@link #state()}.
 */
@Singleton
public class SandboxImage {
    private static final Logger LOG = Logger.getLogger(SandboxImage.class);

    private final DockerClient docker;
    private final SandboxConfig config;
    private final ContainerReaper reaper;
    private final AtomicReference<ImageState> state = new AtomicReference<>();
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(r -> new Thread(r, "sandbox-image"));
    private final ScheduledExecutorService engineWatch = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("docker-engine-watch"));
    private volatile long lastRecheckNanos = System.nanoTime();
    /** Only an unreachable engine is re-checked on its own; a failed build waits for a restart, not a retry loop. */
    private volatile boolean engineUnreachable;

    SandboxImage(DockerClient docker, SandboxConfig config, ContainerReaper reaper) {
        this.docker = docker;
        this.config = config;
        this.reaper = reaper;
        state.set(ImageState.checking(null));
    }

    void onStart(@Observes StartupEvent event) {
        preparer.submit(this::prepare);
        engineWatch.scheduleWithFixedDelay(this::watchEngine, 5, 5, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        engineWatch.shutdownNow();
        preparer.shutdownNow();
    }

    /** An engine that goes away (restarted, crashed) makes the sandbox unready until it is back. */
    private void watchEngine() {
        ImageState current = state.get();
        if (!current.ready()) {
            return; // state() re-checks an unreachable engine; other states settle on their own
        }
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            lastRecheckNanos = System.nanoTime();
            engineLost(current.tag(), e);
        }
    }

    private void engineLost(String tag, RuntimeException cause) {
        engineUnreachable = true;
        state.set(new ImageState(ImageState.Status.UNAVAILABLE, tag,
                "Docker engine not reachable (" + rootMessage(cause) + "); start dockerd or set DOCKER_HOST"));
        LOG.warn(state.get().reason());
    }

    public ImageState state() {
        ImageState current = state.get();
        long now = System.nanoTime();
        if (engineUnreachable && now - lastRecheckNanos > TimeUnit.SECONDS.toNanos(5)) {
            // The engine may have come back since; re-check so readiness recovers without a restart.
            lastRecheckNanos = now;
            preparer.submit(this::prepare);
        }
        return current;
    }

    /** Waits until the image is ready or known to be unavailable. */
    public ImageState awaitSettled(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        ImageState current = state.get();
        while ((current.status() == ImageState.Status.CHECKING || current.status() == ImageState.Status.BUILDING)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = state.get();
        }
        return current;
    }

    private synchronized void prepare() {
        if (state.get().ready()) {
            return;
        }
        Path context = Path.of(config.image().context()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(context.resolve("Dockerfile"))) {
            state.set(new ImageState(ImageState.Status.UNAVAILABLE, null,
                    "sandbox image folder not found: " + context + " (set threadlab.sandbox.image.context)"));
            LOG.error(state.get().reason());
            return;
        }
        String tag = ImageVersion.tagFor(config.image().name(), context);
        try {
            docker.pingCmd().exec();
            if (engineUnreachable) {
                // Back after an outage: containers of runs that ended meanwhile could not be removed then.
                reaper.reapEnded();
            }
            engineUnreachable = false;
        } catch (RuntimeException e) {
            engineLost(tag, e);
            return;
        }
        if (imageExists(tag)) {
            state.set(new ImageState(ImageState.Status.READY, tag, "image " + tag + " present"));
            LOG.infof("Sandbox image %s is present", tag);
            return;
        }
        if (!config.image().buildIfMissing()) {
            state.set(new ImageState(ImageState.Status.UNAVAILABLE, tag,
                    "sandbox image " + tag + " is missing; run sandbox-image/build.sh " + tag));
            return;
        }
        state.set(new ImageState(ImageState.Status.BUILDING, tag, "building sandbox image " + tag));
        build(context, tag);
    }

    private void build(Path context, String tag) {
        LOG.infof("Sandbox image %s is missing; building it from %s", tag, context);
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", context.resolve("build.sh").toString(), tag)
                    .redirectErrorStream(true);
            // The docker CLI in build.sh must talk to the same engine as the server.
            config.dockerHost().ifPresent(host -> builder.environment().put("DOCKER_HOST", host));
            Process build = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> LOG.info(line));
            }
            boolean ended = build.waitFor(config.image().buildTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                build.destroyForcibly();
            }
            if (ended && build.exitValue() == 0 && imageExists(tag)) {
                state.set(new ImageState(ImageState.Status.READY, tag, "image " + tag + " built"));
                LOG.infof("Sandbox image %s is ready", tag);
                removeOlderVersions(tag);
            } else {
                state.set(new ImageState(ImageState.Status.UNAVAILABLE, tag,
                        "building sandbox image " + tag + " failed; see the server log"));
                LOG.error(state.get().reason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            state.set(new ImageState(ImageState.Status.UNAVAILABLE, tag, "building sandbox image failed: " + rootMessage(e)));
            LOG.error(state.get().reason(), e);
        }
    }

    /** Earlier versions of the runner image are dead weight once a new one is built. */
    private void removeOlderVersions(String current) {
        try {
            docker.listImagesCmd().withImageNameFilter(config.image().name()).exec().stream()
                    .flatMap(image -> image.getRepoTags() == null ? Stream.<String>empty() : Arrays.stream(image.getRepoTags()))
                    .filter(tag -> tag.startsWith(config.image().name() + ":") && !tag.equals(current))
                    .forEach(tag -> {
                        try {
                            docker.removeImageCmd(tag).exec();
                            LOG.infof("Removed old sandbox image %s", tag);
                        } catch (RuntimeException inUse) {
                            LOG.debugf("Kept old sandbox image %s: %s", tag, inUse.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.debugf("Could not list old sandbox images: %s", e.getMessage());
        }
    }

    private boolean imageExists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
