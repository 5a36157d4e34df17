package dev.threadlab.runner;

import dev.threadlab.protocol.RunnerReport;
import java.io.IOException;
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
 * Runs the grader's JUnit test classes and reports every result to the launcher, sealed, over the
 * {@link ReportChannel} it opens before any tested class loads. A test run that ends without "done" (System.exit, a
 * crash, the time limit) leaves its missing tests failed.
 *
 * <p>Usage: {@code TestRunner <socket> <repeat> <test class>...}: runs the classes {@code repeat} times in this JVM.
 */
public final class TestRunner {
    private TestRunner() {
    }

    public static void main(String[] args) throws IOException {
        ReportChannel results = ReportChannel.open(args[0]);
        int repeat = Integer.parseInt(args[1]);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args, 2, args.length).map(DiscoverySelectors::selectClass).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        for (int run = 1; run <= repeat; run++) {
            launcher.execute(request, new Reporter(results, run));
        }
        results.finish();
    }

    private static final class Reporter implements TestExecutionListener {
        private final ReportChannel results;
        private final int run;

        Reporter(ReportChannel results, int run) {
            this.results = results;
            this.run = run;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            Optional<String> message = result.getThrowable().map(ReportChannel::describe);
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
}
