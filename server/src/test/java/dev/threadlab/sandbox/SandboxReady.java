package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shared by tests that run real programs: waits for the real image (building it takes minutes on a fresh
 * machine) and fails, never skips, when there is no Docker engine.
 */
public final class SandboxReady {

    private SandboxReady() {
    }

    public static void await(SandboxImage image) throws InterruptedException {
        ImageState state = image.awaitSettled(15, TimeUnit.MINUTES);
        assertTrue(state.ready(), "These tests need a Docker engine and the sandbox image: " + state.reason());
    }

    /**
     * The image is ready and the machine at rest: the warm pool is full and the compile service up. Right after the
     * image is built, their start-up (several seconds of CPU) would decide whether a 100 ms program's tracer gets a
     * CPU at all.
     */
    public static void awaitAtRest(SandboxImage image, WarmPool pool, CompileService compiler)
            throws InterruptedException {
        await(image);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .until(() -> compiler.state().up() && pool.state().ready() == pool.state().target());
    }

    /**
     * Sandbox containers that still exist (running or not), other than those waiting in the warm pool. A run's
     * container is removed just after its outcome is published, so this waits up to 10 s for them to go.
     */
    public static List<String> leftoverContainers(ContainerReaper reaper, WarmPool pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left = leftovers(reaper, pool);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = leftovers(reaper, pool);
        }
        return left;
    }

    private static List<String> leftovers(ContainerReaper reaper, WarmPool pool) {
        List<String> waiting = pool.waitingContainerIds();
        return reaper.sandboxContainers().stream()
                .filter(container -> !waiting.contains(container.getId()))
                .map(container -> container.getNames()[0] + " " + container.getStatus()).toList();
    }
}
