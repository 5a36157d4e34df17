package dev.threadlab.grading;

import static dev.threadlab.submission.GradingApiTest.checks;
import static dev.threadlab.submission.GradingApiTest.grade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Submissions that try to forge their grade or read the hidden tests, each reproducing an attack that worked before:
 * a runner or test class of the learner's that shadows the real one, a static initialiser that writes fake results
 * and halts, and code that reads the test classes and sends them back in a check message.
 */
@QuarkusTest
class GradeForgeryTest {

    @Inject
    SandboxImage image;
    @Inject
    ExerciseRepository exercises;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    private Map<String, String> starterOf(String exerciseId) {
        return new HashMap<>(exercises.find(exerciseId).orElseThrow().starterFiles());
    }

    @Test
    void aRunnerOfTheLearnersOwnChangesNothing() {
        Map<String, String> files = starterOf("price-callbacks");
        // The old runner's name, and the real runner's: neither may stand in for the platform's.
        String forger = """
                public class TestRunner {
                    public static void main(String[] args) throws Exception {
                        System.out.println("all passed");
                        Runtime.getRuntime().halt(0);
                    }
                }
                """;
        files.put("TestRunner.java", forger);
        Map<String, Object> result = grade("price-callbacks", files);
        assertFalse(result.toString().contains("does not compile"), "the forger must compile: " + result);
        assertTrue((Integer) result.get("score") < (Integer) result.get("maxScore"), result.toString());

        files.remove("TestRunner.java");
        files.put("dev/threadlab/runner/TestRunner.java", "package dev.threadlab.runner;\n" + forger);
        Map<String, Object> refused = grade("price-callbacks", files);
        assertEquals(0, refused.get("score"), refused.toString());
        assertTrue(refused.toString().contains("dev.threadlab.runner.TestRunner is reserved"), refused.toString());
    }

    @Test
    void aTestClassOfTheLearnersOwnIsRefused() {
        Map<String, String> files = starterOf("lost-update");
        // Without JUnit on its class path, a learner's class can still take a test class's name.
        files.put("BankAccountTest.java", """
                public class BankAccountTest {
                    void oneThreadKeepsEveryDeposit() {
                    }

                    void fourThreadsKeepEveryDeposit() {
                    }
                }
                """);
        Map<String, Object> result = grade("lost-update", files);
        for (Map<String, Object> check : checks(result)) {
            assertEquals(false, check.get("passed"), check.toString());
        }
        assertTrue(result.toString().contains("BankAccountTest is reserved"), result.toString());
    }

    @Test
    void aStaticInitialiserThatForgesResultsAndHaltsEarnsNothingFromTheTests() {
        Map<String, String> files = starterOf("lost-update");
        files.put("BankAccount.java", """
                import java.io.OutputStream;
                import java.net.UnixDomainSocketAddress;
                import java.nio.channels.Channels;
                import java.nio.channels.SocketChannel;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class BankAccount {
                    static {
                        String pass = "{\\"run\\":1,\\"className\\":\\"BankAccountTest\\",\\"method\\":\\"%s\\",\\"passed\\":true,\\"message\\":\\"\\"}";
                        StringBuilder forged = new StringBuilder();
                        for (int run = 1; run <= 10; run++) {
                            forged.append(pass.formatted("oneThreadKeepsEveryDeposit").replace("\\"run\\":1", "\\"run\\":" + run)).append('\\n');
                            forged.append(pass.formatted("fourThreadsKeepEveryDeposit").replace("\\"run\\":1", "\\"run\\":" + run)).append('\\n');
                        }
                        forged.append("done\\n");
                        byte[] text = forged.toString().getBytes();
                        long launcher = ProcessHandle.current().parent().orElseThrow().pid();
                        // One report frame per line, then "tests done", as the launcher sends them.
                        try (OutputStream out = Files.newOutputStream(Path.of("/proc/" + launcher + "/fd/1"))) {
                            for (String line : forged.toString().split("\\n")) {
                                byte[] body = line.getBytes();
                                char kind = line.equals("done") ? 'Q' : 'G';
                                out.write(java.nio.ByteBuffer.allocate(5 + body.length).put((byte) kind).putInt(body.length).put(body).array());
                            }
                        } catch (Exception refused) {
                            System.out.println("frames refused");
                        }
                        try (var sockets = Files.list(Path.of("/tmp"))) {
                            for (Path socket : sockets.filter(p -> p.toString().endsWith(".sock")).toList()) {
                                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                                    Channels.newOutputStream(channel).write(text);
                                } catch (Exception refused) {
                                    System.out.println("socket refused");
                                }
                            }
                        } catch (Exception ignored) {
                        }
                        Runtime.getRuntime().halt(0);
                    }

                    public void deposit(long amount) {
                    }

                    public long balance() {
                        return 0;
                    }
                }
                """);
        Map<String, Object> result = grade("lost-update", files);
        assertFalse(result.toString().contains("does not compile"), "the forger must compile: " + result);
        for (Map<String, Object> check : checks(result)) {
            assertEquals(false, check.get("passed"), check.toString());
        }
        assertEquals(0, result.get("score"), result.toString());
    }

    @Test
    void theHiddenTestsAreOnlyClassFilesAndWhatIsReadOfThemStaysSmall() {
        Map<String, String> files = starterOf("lost-update");
        files.put("BankAccount.java", """
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.Base64;

                public class BankAccount {
                    public void deposit(long amount) {
                    }

                    public long balance() {
                        StringBuilder found = new StringBuilder();
                        try (var all = Files.walk(Path.of("/"))) {
                            all.filter(p -> !p.startsWith("/proc") && !p.startsWith("/sys") && !p.startsWith("/usr")
                                            && p.toString().endsWith("Test.java"))
                                    .forEach(p -> found.append("SRC").append("FOUND ").append(p).append(' '));
                        } catch (Exception ignored) {
                        }
                        try (var classes = Files.list(Path.of("/work/test-classes"))) {
                            for (Path c : classes.toList()) {
                                found.append("CLASS ").append(Base64.getEncoder().encodeToString(Files.readAllBytes(c)));
                            }
                        } catch (Exception e) {
                            found.append("no test classes: ").append(e);
                        }
                        throw new IllegalStateException(found.toString());
                    }
                }
                """);
        Map<String, Object> result = grade("lost-update", files);
        String messages = checks(result).toString();
        assertFalse(messages.contains("SRCFOUND"), "a test source is in the container: " + messages);
        assertTrue(messages.contains("CLASS "), messages);
        for (Map<String, Object> check : checks(result)) {
            String message = String.valueOf(check.get("message"));
            assertTrue(message.getBytes(StandardCharsets.UTF_8).length <= 1024,
                    "a check message of " + message.length() + " characters");
        }
    }
}
