package dev.threadlab.runner;

import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.protocol.ScheduleExploration;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs each test method of the hidden schedule test classes under Fray's controlled scheduler ({@link ScheduledTest})
 * and reports how each exploration ended, sealed, over the {@link ReportChannel} it opens before any tested class
 * loads. A schedule test class has a no-argument constructor and JUnit {@code @Test} methods, run in the order
 * of their names, each schedule on a new instance; JUnit's lifecycle methods are not run.
 *
 * <p>Usage: {@code ScheduleRunner <socket> <iterations> <seed> <test class>...}, in a JVM of the Fray JDK with Fray's
 * agents (see the launcher's TestRun).
 */
public final class ScheduleRunner {
    private static final String TEST_ANNOTATION = "org.junit.jupiter.api.Test";

    private ScheduleRunner() {
    }

    public static void main(String[] args) throws Exception {
        ReportChannel results = ReportChannel.open(args[0]);
        ScheduleExploration budget = new ScheduleExploration(Integer.parseInt(args[1]), Long.parseLong(args[2]));
        for (String className : Arrays.asList(args).subList(3, args.length)) {
            Class<?> testClass;
            try {
                testClass = Class.forName(className, true, ClassLoader.getSystemClassLoader());
            } catch (Throwable failed) {
                results.send(new RunnerReport.TestResult(1, className, "", false,
                        "the test class failed: " + ReportChannel.describe(failed)));
                continue;
            }
            for (Method method : testMethods(testClass)) {
                new ScheduledTest(testClass, method, null).exploreAndExplain(budget).forEach(results::send);
            }
        }
        results.finish();
    }

    static List<Method> testMethods(Class<?> testClass) {
        return Arrays.stream(testClass.getDeclaredMethods())
                .filter(method -> Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().getName().equals(TEST_ANNOTATION)))
                .filter(method -> !Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }
}
