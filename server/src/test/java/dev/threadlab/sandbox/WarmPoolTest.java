package dev.threadlab.sandbox;

import static dev.threadlab.run.RunApi.run;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warm path keeps the isolation of a fresh container: a run gets a pooled container that nobody used before and
 * that is removed after it, so nothing one program leaves behind (files, environment, processes) reaches the next.
 */
@QuarkusTest
class WarmPoolTest {

    @Inject
    SandboxImage image;

    @Inject
    WarmPool pool;

    @Inject
    DockerClient docker;

    @Inject
    SandboxConfig config;

    @Inject
    SandboxOwner owner;

    @Inject
    ContainerReaper reaper;

    @BeforeEach
    void poolIsFull() throws InterruptedException {
        SandboxReady.await(image);
        pool.refill();
        await().atMost(Duration.ofSeconds(60)).until(() -> pool.state().ready() >= 2);
    }

    @Test
    void nothingOneRunLeavesBehindReachesTheNext() {
        String marker = "leak" + UUID.randomUUID().toString().replace("-", "");
        long warmBefore = pool.state().claimed();
        Map<String, Object> first = run("""
                import java.nio.file.*;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        Files.writeString(Path.of("/tmp/%1$s"), "left behind");
                        Files.writeString(Path.of("/work/%1$s"), "left behind");
                        ProcessBuilder sleeper = new ProcessBuilder("sleep", "600").inheritIO();
                        sleeper.environment().put("%1$s", "set");
                        sleeper.start();
                        System.out.println("left a file, a variable and a process");
                    }
                }
                """.formatted(marker));
        assertEquals("FINISHED", first.get("status"), String.valueOf(first));
        Map<String, Object> second = run("""
                import java.nio.file.*;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("tmp file: " + Files.exists(Path.of("/tmp/%1$s")));
                        System.out.println("work file: " + Files.exists(Path.of("/work/%1$s")));
                        System.out.println("variable: " + System.getenv("%1$s"));
                        long sleepers = ProcessHandle.allProcesses()
                                .filter(p -> p.info().command().orElse("").endsWith("sleep")).count();
                        System.out.println("sleeping processes: " + sleepers);
                        try (var environments = Files.list(Path.of("/proc"))) {
                            long marked = environments.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                                    .filter(p -> {
                                        try {
                                            return new String(Files.readAllBytes(p.resolve("environ"))).contains("%1$s");
                                        } catch (Exception unreadable) {
                                            return false;
                                        }
                                    }).count();
                            System.out.println("processes with the variable: " + marked);
                        }
                    }
                }
                """.formatted(marker));
        assertEquals("FINISHED", second.get("status"), String.valueOf(second));
        assertEquals("""
                tmp file: false
                work file: false
                variable: null
                sleeping processes: 0
                processes with the variable: 0
                """, second.get("stdout"));
        assertEquals(warmBefore + 2, pool.state().claimed(), "both runs should have taken a pooled container");
    }

    @Test
    void aPooledContainerIsRemovedAfterItsRunAndReplaced() {
        List<String> waiting = pool.waitingContainerIds();
        Map<String, Object> result = run("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("hello");
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), String.valueOf(result));
        List<String> used = waiting.stream().filter(id -> !pool.waitingContainerIds().contains(id)).toList();
        assertEquals(1, used.size(), "one pooled container served the run");
        await().atMost(Duration.ofSeconds(10)).until(() -> !exists(used.get(0)));
        await().atMost(Duration.ofSeconds(60)).until(() -> pool.state().ready() == pool.state().target());
    }

    @Test
    void closingThePoolRemovesEveryWaitingContainer() {
        WarmPool own = new WarmPool(docker, config, image, owner, new SandboxMetrics(new SimpleMeterRegistry()),
                new HostCpu(), new SimpleMeterRegistry());
        own.refill();
        await().atMost(Duration.ofSeconds(60)).until(() -> own.state().ready() == own.state().target());
        List<String> waiting = own.waitingContainerIds();
        assertFalse(waiting.isEmpty());
        own.close();
        waiting.forEach(id -> assertFalse(exists(id), "container " + id + " outlived its pool"));
        assertEquals(0, own.state().ready());
    }

    @Test
    void aServerRestartedAfterACrashRemovesThePoolItLeft() {
        List<String> waiting = pool.waitingContainerIds();
        assertFalse(waiting.isEmpty());
        // What the reaper does at start for containers of this owner: pooled ones carry the owner label too.
        assertTrue(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(owner.ownerLabel(), owner.id())).exec().stream()
                .map(container -> container.getId()).toList().containsAll(waiting));
        reaper.reapPreviousLife();
        waiting.forEach(id -> assertFalse(exists(id), "container " + id + " survived the reaper"));
        // The pool notices that they are gone and replaces them.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> waiting.stream().noneMatch(pool.waitingContainerIds()::contains) && pool.state().ready() > 0);
    }

    @Test
    void whileARunKeepsTheCpusBusyOnlyAnEmptyPoolIsRefilled() throws InterruptedException {
        HostCpu alwaysBusy = new HostCpu() {
            @Override
            public boolean busy() {
                return true;
            }
        };
        WarmPool own = new WarmPool(docker, config, image, owner, new SandboxMetrics(new SimpleMeterRegistry()),
                alwaysBusy, new SimpleMeterRegistry());
        try {
            assertTrue(own.state().target() >= 2, "a pool of at least two: " + own.state());
            own.refill();
            assertEquals(own.state().target(), own.state().ready() + own.state().starting(),
                    "an empty pool fills up even when the CPUs are busy: " + own.state());
            await().atMost(Duration.ofSeconds(60)).until(() -> own.state().ready() == own.state().target());
            LauncherContainer serving = own.claim(new SandboxProgram("pool-policy", Map.of("Main.java", "class Main {}"),
                    "Main", null, 0));
            Thread.sleep(2500);
            assertEquals(own.state().target() - 1, own.state().ready() + own.state().starting(),
                    "while a run is under way and the CPUs are busy, no container is started: " + own.state());
            serving.remove();
            await().atMost(Duration.ofSeconds(60)).until(() -> own.state().ready() == own.state().target());
        } finally {
            own.close();
        }
    }

    private boolean exists(String containerId) {
        return docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec().size() == 1;
    }
}
