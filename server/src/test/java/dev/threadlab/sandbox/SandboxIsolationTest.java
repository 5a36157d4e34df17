package dev.threadlab.sandbox;

import static dev.threadlab.run.RunApi.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a program inside the sandbox can and cannot do. Sends nothing beyond 127.0.0.1. */
@QuarkusTest
class SandboxIsolationTest {

    @Inject
    SandboxImage image;

    @BeforeEach
    void sandboxIsReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void onlyLoopbackExistsAndTheHostsLoopbackPortIsUnreachable() throws Exception {
        try (ServerSocket host = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            host.setSoTimeout(200);
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!host.isClosed()) {
                    try (var ignored = host.accept()) {
                        accepted.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening until the run is over
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.start();
            Map<String, Object> result = run("""
                    import java.net.InetSocketAddress;
                    import java.net.NetworkInterface;
                    import java.net.Socket;
                    import java.util.Collections;

                    public class Main {
                        public static void main(String[] args) throws Exception {
                            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                                System.out.println("interface " + nif.getName() + " up=" + nif.isUp());
                            }
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress("127.0.0.1", %d), 2000);
                                System.out.println("connected");
                            } catch (Exception e) {
                                System.out.println("connect failed: " + e.getClass().getSimpleName());
                            }
                        }
                    }
                    """.formatted(host.getLocalPort()));
            host.close();
            acceptor.join();
            String stdout = (String) result.get("stdout");
            assertEquals("FINISHED", result.get("status"), String.valueOf(result));
            assertEquals(1, stdout.lines().filter(line -> line.startsWith("interface ")).count(), stdout);
            assertTrue(stdout.contains("interface lo up=true"), stdout);
            assertTrue(stdout.contains("connect failed"), stdout);
            assertEquals(0, accepted.get(), "the host's port was reached from the sandbox");
        }
    }

    @Test
    void programRunsUnprivilegedOnAReadOnlyRootWithoutCapabilities() {
        Map<String, Object> result = run("""
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("user " + System.getProperty("user.name"));
                        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                            if (line.startsWith("CapEff") || line.startsWith("NoNewPrivs") || line.startsWith("Uid")) {
                                System.out.println(line.replaceAll("\\\\s+", " "));
                            }
                        }
                        try {
                            Files.writeString(Path.of("/etc/evil"), "x");
                            System.out.println("root writable");
                        } catch (Exception e) {
                            System.out.println("root read-only");
                        }
                        Files.writeString(Path.of("scratch.txt"), "work dir is writable");
                        System.out.println(Files.readString(Path.of("scratch.txt")));
                        System.out.println("docker socket " + Files.exists(Path.of("/var/run/docker.sock")));
                    }
                }
                """);
        String stdout = (String) result.get("stdout");
        assertEquals("FINISHED", result.get("status"), String.valueOf(result));
        assertTrue(stdout.contains("user learner"), stdout);
        assertTrue(stdout.contains("Uid: 10001"), stdout);
        assertTrue(stdout.contains("CapEff: 0000000000000000"), stdout);
        assertTrue(stdout.contains("NoNewPrivs: 1"), stdout);
        assertTrue(stdout.contains("root read-only"), stdout);
        assertTrue(stdout.contains("work dir is writable"), stdout);
        assertTrue(stdout.contains("docker socket false"), stdout);
    }
}
