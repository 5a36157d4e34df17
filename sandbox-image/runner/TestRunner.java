import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the grader's JUnit test classes and reports every result to the launcher over a Unix socket. The launcher
 * accepts exactly one connection, and this class makes it before any tested class is loaded, so nothing the learner's
 * code prints, writes or connects to can pass for a result. A test run that ends without "done" (System.exit, a
 * crash, the time limit) leaves its missing tests failed.
 *
 * <p>Usage: {@code TestRunner <socket> <repeat> <test class>...}: runs the classes {@code repeat} times in this JVM.
 * Lines sent: {@code {"run","className","method","passed","message"}} per test and run (method "" for a class that
 * failed as a whole), then {@code done}.
 */
public final class TestRunner {
    private static final int MESSAGE_LIMIT = 600;

    private TestRunner() {
    }

    public static void main(String[] args) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(args[0]));
        OutputStream results = Channels.newOutputStream(channel);
        int repeat = Integer.parseInt(args[1]);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args, 2, args.length).map(DiscoverySelectors::selectClass).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        for (int run = 1; run <= repeat; run++) {
            launcher.execute(request, new Reporter(results, run));
        }
        send(results, "done");
        results.close();
        // Threads the tested code left running must not keep the run alive.
        Runtime.getRuntime().halt(0);
    }

    private static final class Reporter implements TestExecutionListener {
        private final OutputStream results;
        private final int run;

        Reporter(OutputStream results, int run) {
            this.results = results;
            this.run = run;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            Optional<String> message = result.getThrowable().map(TestRunner::describe);
            if (test.isTest()) {
                report(test, passed, message.orElse(""));
            } else if (!passed && test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                report(test, false, message.orElse("the test class failed"));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            report(test, false, "skipped: " + reason);
        }

        private void report(TestIdentifier test, boolean passed, String message) {
            String className = "";
            String method = "";
            if (test.getSource().orElse(null) instanceof MethodSource source) {
                className = source.getClassName();
                method = source.getMethodName();
            } else if (test.getSource().orElse(null) instanceof ClassSource source) {
                className = source.getClassName();
            }
            send(results, "{\"run\":" + run + ",\"className\":" + Json.string(className) + ",\"method\":" + Json.string(method) + ",\"passed\":" + passed
                    + ",\"message\":" + Json.string(message) + "}");
        }
    }

    private static String describe(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getName()
                : failure instanceof AssertionError ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + "…" : text;
    }

    private static void send(OutputStream results, String line) {
        try {
            synchronized (results) {
                results.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                results.flush();
            }
        } catch (IOException e) {
            Runtime.getRuntime().halt(3); // the launcher is gone
        }
    }
}
