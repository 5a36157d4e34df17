package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A container the engine created while it was shutting down, whose start then failed, is never started and its id
 * never reached the server: the reaper removes it once no start can still be under way, and not before.
 */
@QuarkusTest
class ContainerReaperTest {

    @Inject
    SandboxImage image;

    @Inject
    DockerClient docker;

    @Inject
    SandboxOwner owner;

    @Inject
    ContainerReaper reaper;

    @Test
    void aContainerThatWasCreatedButNeverStartedIsRemovedOnceNoStartCanBeUnderWay() throws InterruptedException {
        SandboxReady.await(image);
        String tag = image.state().tag();
        String id = docker.createContainerCmd(tag).withName("threadlab-never-started-" + UUID.randomUUID())
                .withLabels(owner.labelsFor("never-started")).exec().getId();
        try {
            reaper.reapAbandoned(Instant.now());
            assertEquals(List.of("created"), states(id), "a container being started right now is left alone");
            reaper.reapAbandoned(Instant.now().plus(Duration.ofMinutes(2)));
            assertEquals(List.of(), states(id), "a container that never started is removed");
        } finally {
            states(id).forEach(state -> docker.removeContainerCmd(id).withForce(true).exec());
        }
    }

    private List<String> states(String containerId) {
        return docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec().stream()
                .map(container -> container.getState()).toList();
    }
}
