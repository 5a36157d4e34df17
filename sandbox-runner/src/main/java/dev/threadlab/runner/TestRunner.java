package dev.threadlab.runner;

import dev.threadlab.protocol.ReportSeal;
import dev.threadlab.protocol.RunnerReport;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Runs the grader's JUnit test classes and reports every result to the launcher, sealed (see {@link ReportSeal}).
 * Before any tested class loads, it reads the run's key from the first line of its stdin and connects to the launcher's
 * one-connection socket; from then on the key and the channel live only in this module's private fields. A test run
 * that ends without "done" (System.exit, a crash, the time limit) leaves its missing tests failed.
 *
 * <p>Usage: {@code TestRunner <socket> <repeat> <test class>...}: runs the classes {@code repeat} times in this JVM.
 */
public final class TestRunner {
    private static final int KEY_HEX_LENGTH = 64;

    private TestRunner() {
    }

    public static void main(String[] args) throws IOException {
        ReportSeal seal = ReportSeal.ofHex(readKey(new FileInputStream(FileDescriptor.in)));
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(args[0]));
        Results results = new Results(Channels.newOutputStream(channel), seal);
        int repeat = Integer.parseInt(args[1]);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args, 2, args.length).map(DiscoverySelectors::selectClass).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        for (int run = 1; run <= repeat; run++) {
            launcher.execute(request, new Reporter(results, run));
        }
        results.send(new RunnerReport.Done());
        // Threads the tested code left running must not keep the run alive.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The first line of stdin, read a byte at a time straight from the file descriptor so that nothing after it is
     * buffered here: the rest of stdin belongs to the tested code.
     */
    private static String readKey(InputStream stdin) throws IOException {
        byte[] key = new byte[KEY_HEX_LENGTH];
        int length = 0;
        for (int b = stdin.read(); b >= 0 && b != '\n'; b = stdin.read()) {
            if (length == key.length) {
                throw new IOException("the report key is too long");
            }
            key[length++] = (byte) b;
        }
        return new String(key, 0, length, StandardCharsets.US_ASCII);
    }

    /** The sealed channel to the launcher. */
    private static final class Results {
        private final OutputStream out;
        private final ReportSeal seal;

        Results(OutputStream out, ReportSeal seal) {
            this.out = out;
            this.seal = seal;
        }

        synchronized void send(RunnerReport report) {
            try {
                out.write((seal.seal(report) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                Runtime.getRuntime().halt(3); // the launcher is gone
            }
        }
    }

    private static final class Reporter implements TestExecutionListener {
        private final Results results;
        private final int run;

        Reporter(Results results, int run) {
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
            results.send(new RunnerReport.TestResult(run, className, method, passed, message));
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getName()
                : failure instanceof AssertionError ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
