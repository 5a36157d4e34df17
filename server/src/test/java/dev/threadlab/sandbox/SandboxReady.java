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

    /** Sandbox containers that still exist (running or not). */
    public static List<String> leftoverContainers(ContainerReaper reaper) {
        return reaper.sandboxContainers().stream()
                .map(container -> container.getNames()[0] + " " + container.getStatus()).toList();
    }
}
