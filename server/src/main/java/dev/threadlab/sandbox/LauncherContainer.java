package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A started sandbox container whose launcher waits for its run on stdin, attached before it started so that none of its
 * output is missed. Until a run {@link #bind binds} it, what it prints is kept; a container serves exactly one run.
 */
final class LauncherContainer {
    private static final Logger LOG = Logger.getLogger(LauncherContainer.class);

    /** Hears the container's output once a run has bound it. Called from Docker client threads. */
    interface Sink {
        void output(Frame frame);

        /** The attach stream ended: the container exited, was killed, or the engine went away ({@code error}). */
        void ended(Throwable error);
    }

    private final DockerClient docker;
    private final Runnable onRemoved;
    private final String id;
    private final java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();
    private final LauncherStdin stdin = new LauncherStdin();
    private final long startedNanos = System.nanoTime();
    private final List<Frame> early = new ArrayList<>();
    private Sink sink;
    private boolean ended;
    private Throwable endError;

    private LauncherContainer(DockerClient docker, Runnable onStarted, Runnable onRemoved, String id) {
        this.docker = docker;
        this.onRemoved = onRemoved;
        this.id = id;
        onStarted.run();
    }

    /** Creates, attaches and starts a run's container; on failure the container is removed again. */
    static LauncherContainer start(DockerClient docker, SandboxMetrics metrics, String image, String name, Map<String, String> labels,
            HostConfig host, boolean networkDisabled, List<String> launcherArgs) throws InterruptedException {
        CreateContainerCmd create = attachedCreate(docker, image, name, labels, host, networkDisabled)
                .withUser(HardenedHostConfig.CONTAINER_USER);
        if (!launcherArgs.isEmpty()) {
            create.withCmd(launcherArgs);
        }
        return start(docker, metrics::containerStarted, metrics::containerRemoved, create);
    }

    /** A container create whose stdin, stdout and stderr are attached, as every container of the launcher's is. */
    static CreateContainerCmd attachedCreate(DockerClient docker, String image, String name, Map<String, String> labels,
            HostConfig host, boolean networkDisabled) {
        return docker.createContainerCmd(image)
                .withName(name)
                .withLabels(labels)
                .withNetworkDisabled(networkDisabled)
                .withStdinOpen(true)
                .withStdInOnce(true)
                .withAttachStdin(true)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withHostConfig(host);
    }

    /**
     * Creates, attaches and starts {@code create}; on failure the container is removed again. {@code started} and
     * {@code removed} count it (once each).
     */
    static LauncherContainer start(DockerClient docker, Runnable started, Runnable removed, CreateContainerCmd create)
            throws InterruptedException {
        LauncherContainer container = new LauncherContainer(docker, started, removed, create.exec().getId());
        try {
            container.attachAndStart();
            return container;
        } catch (InterruptedException | RuntimeException e) {
            container.remove();
            throw e;
        }
    }

    private void attachAndStart() throws InterruptedException {
        ResultCallback.Adapter<Frame> attachment = docker.attachContainerCmd(id)
                .withStdIn(stdin)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .exec(new Attachment());
        if (!attachment.awaitStarted(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not attach to the container");
        }
        docker.startContainerCmd(id).exec();
    }

    String id() {
        return id;
    }

    LauncherStdin stdin() {
        return stdin;
    }

    long ageMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    synchronized boolean hasEnded() {
        return ended;
    }

    /** Hands the container to its run: what it printed so far, and its end if it already came, reach the sink now. */
    void bind(Sink target) {
        List<Frame> replay;
        boolean alreadyEnded;
        synchronized (this) {
            sink = target;
            replay = List.copyOf(early);
            early.clear();
            alreadyEnded = ended;
        }
        replay.forEach(target::output);
        if (alreadyEnded) {
            target.ended(endError);
        }
    }

    /** Gives a pooled container the CPU weight of any run (cgroup cpu.shares 1024, the engine's default). */
    void raiseCpuWeight() {
        try {
            docker.updateContainerCmd(id).withCpuShares(1024).exec();
        } catch (RuntimeException e) {
            LOG.warnf("Could not raise the CPU weight of sandbox container %s: %s", id, SandboxImage.rootMessage(e));
        }
    }

    /** Kills the container; an error means it already stopped. */
    void kill() {
        try {
            docker.killContainerCmd(id).exec();
        } catch (DockerException alreadyStopped) {
            // It ended by itself meanwhile; the attach stream completes and finishes the run.
        }
    }

    /** Removes the container, running or not. Returns false when the engine refused (the reaper will retry). */
    boolean remove() {
        stdin.close();
        if (removed.get()) {
            return true;
        }
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            markRemoved();
            return true;
        } catch (NotFoundException alreadyGone) {
            markRemoved();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove sandbox container %s (%s); the reaper will retry", id, SandboxImage.rootMessage(e));
            return false;
        }
    }

    private void markRemoved() {
        if (removed.compareAndSet(false, true)) {
            onRemoved.run();
        }
    }

    private void onOutput(Frame frame) {
        Sink target;
        synchronized (this) {
            target = sink;
            if (target == null) {
                // A waiting launcher prints nothing on stdout; keep only a little of any JVM warning on stderr.
                if (early.size() < 16) {
                    early.add(frame);
                }
                return;
            }
        }
        target.output(frame);
    }

    private void onEnd(Throwable error) {
        Sink target;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            endError = error;
            target = sink;
        }
        if (target != null) {
            target.ended(error);
        }
    }

    private final class Attachment extends ResultCallback.Adapter<Frame> {
        @Override
        public void onNext(Frame frame) {
            onOutput(frame);
        }

        @Override
        public void onError(Throwable error) {
            super.onError(error);
            onEnd(error);
        }

        @Override
        public void onComplete() {
            super.onComplete();
            onEnd(null);
        }
    }
}
