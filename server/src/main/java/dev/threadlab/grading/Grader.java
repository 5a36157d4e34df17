package dev.threadlab.grading;

import dev.threadlab.exercise.Check;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.message.Message;
import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.protocol.ScheduleExploration;
import dev.threadlab.sandbox.TestReport;
import dev.threadlab.trace.TraceConfig;
import dev.threadlab.trace.TraceEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grades files against an exercise's checks. Program checks share runs of the program (a check that wants 5 runs
 * looks at the first 5 it uses); JUnit checks share one test run that repeats the classes in a fresh JVM. A check
 * passes only if it passes in every run it asks for; it stops being run once it failed. A run that fails a check only
 * on CPU parallelism or wall time, which other work on the server can take away from a correct program, is repeated
 * (at most {@link #REPEATS_FOR_A_BUSY_HOST} times) instead of counted: a correct program never gets a flaky grade,
 * and a sequential one fails every repetition.
 */
@Singleton
public class Grader {
    /**
     * JUnit's assertEquals and friends: "message ==> expected: <x> but was: <y>", the message optional, and
     * assertArrayEquals's "array contents differ at index [i], " before the comparison.
     */
    private static final Pattern JUNIT_COMPARISON = Pattern.compile(
            "(?s)(?:(.*) ==> )?(?:array contents differ at index \\[(\\d+)], )?expected: <(.*)> but was: <(.*)>");
    /** JUnit's other words after a test's own: assertTimeoutPreemptively's, assertNotNull's and assertThrows's. */
    private static final Pattern JUNIT_TIMED_OUT = Pattern.compile("execution timed out after (\\d+) ms");
    private static final String JUNIT_NOT_NULL = "expected: not <null>";
    private static final Pattern JUNIT_NOT_THROWN =
            Pattern.compile("Expected (\\S+) to be thrown, but nothing was thrown\\.");
    /** How often a run may be repeated when only CPU parallelism or wall time failed (see onlyABusyHostCouldExplain). */
    static final int REPEATS_FOR_A_BUSY_HOST = 2;

    private final GradingSandbox sandbox;
    private final TraceConfig traceConfig;

    Grader(GradingSandbox sandbox, TraceConfig traceConfig) {
        this.sandbox = sandbox;
        this.traceConfig = traceConfig;
    }

    public List<CheckResult> grade(Exercise exercise, Map<String, String> files) throws InterruptedException {
        return gradeWithTrace(exercise, files).checks();
    }

    /** The checks' results and the last program run's trace, which instructors see beside the submission. */
    public Grade gradeWithTrace(Exercise exercise, Map<String, String> files) throws InterruptedException {
        Map<Check, CheckResult> results = new LinkedHashMap<>();
        exercise.checks().forEach(check -> results.put(check, null));
        List<TraceEvent> trace = gradeProgramChecks(exercise, files, results, false);
        gradeJUnitChecks(exercise, files, results);
        return new Grade(List.copyOf(results.values()), trace);
    }

    /**
     * The first check these files fail, or empty when they pass every one: what the course validation needs to know
     * of a wrong solution. The hidden tests run first (one JVM for all), and the program stops being run at the
     * first failed check, so a wrong solution costs a fraction of a full grading.
     */
    public Optional<CheckResult> firstFailure(Exercise exercise, Map<String, String> files) throws InterruptedException {
        Map<Check, CheckResult> results = new LinkedHashMap<>();
        exercise.checks().forEach(check -> results.put(check, null));
        gradeJUnitChecks(exercise, files, results);
        Optional<CheckResult> failed = firstFailed(results);
        if (failed.isPresent()) {
            return failed;
        }
        gradeProgramChecks(exercise, files, results, true);
        return firstFailed(results);
    }

    private static Optional<CheckResult> firstFailed(Map<Check, CheckResult> results) {
        return results.values().stream().filter(result -> result != null && !result.passed()).findFirst();
    }

    /** Every program run is traced (about 70 ms more per run), so that any submission's schedule can be shown. */
    private List<TraceEvent> gradeProgramChecks(Exercise exercise, Map<String, String> files,
            Map<Check, CheckResult> results, boolean stopAtFirstFailure) throws InterruptedException {
        List<Check> checks = exercise.checks().stream().filter(check -> !check.isJUnit()).toList();
        List<TraceEvent> trace = List.of();
        Map<Check, Integer> passedRuns = new HashMap<>();
        Map<Check, Integer> repeatedRuns = new HashMap<>();
        for (;;) {
            List<Check> pending = checks.stream().filter(c -> results.get(c) == null).toList();
            if (pending.isEmpty()) {
                break;
            }
            GradingRun result = sandbox.runProgram(exercise, files, traceConfig.sampleHz());
            trace = result.trace();
            for (Check check : pending) {
                int passed = passedRuns.getOrDefault(check, 0);
                int repeated = repeatedRuns.getOrDefault(check, 0);
                Optional<Message> problem = ProgramCheck.problem(check.program(), result);
                if (problem.isEmpty()) {
                    passedRuns.put(check, passed + 1);
                    if (passed + 1 == check.runs()) {
                        results.put(check, CheckResult.pass(check, passMessage(check, repeated)));
                    }
                } else if (repeated < REPEATS_FOR_A_BUSY_HOST
                        && ProgramCheck.onlyABusyHostCouldExplain(check.program(), result)) {
                    repeatedRuns.put(check, repeated + 1); // other work had the CPUs: run it again, no grade yet
                } else {
                    results.put(check, CheckResult.fail(check, repeatedNote(inRun(passed + 1, check.runs(),
                            problem.get()), repeated)));
                }
            }
            if (!result.compiled()) {
                break; // every pending check has failed with the compiler's message
            }
            if (stopAtFirstFailure && firstFailed(results).isPresent()) {
                break;
            }
        }
        return trace;
    }

    private static Message passMessage(Check check, int repeated) {
        if (repeated == 0) {
            return passedInAll(check);
        }
        return Message.of(check.runs() > 1 ? "grading.passedInAllRepeated" : "grading.passedRepeated",
                "runs", check.runs(), "repeated", repeated);
    }

    static Message passedInAll(Check check) {
        return check.runs() > 1 ? Message.of("grading.passedInAll", "runs", check.runs()) : null;
    }

    private static Message repeatedNote(Message problem, int repeated) {
        return repeated == 0 ? problem
                : Message.of("grading.sameWhenRepeated", "problem", problem, "runs", repeated + 1);
    }

    /** Plain hidden tests (see {@link #gradePlainTests}), then schedule checks, one run per exploration (budget and seed). */
    private void gradeJUnitChecks(Exercise exercise, Map<String, String> files, Map<Check, CheckResult> results)
            throws InterruptedException {
        gradePlainTests(exercise, files, results);
        Map<ScheduleExploration, List<Check>> byExploration = new LinkedHashMap<>();
        exercise.checks().stream().filter(Check::isSchedule)
                .forEach(check -> byExploration.computeIfAbsent(check.junit().schedule(), e -> new ArrayList<>()).add(check));
        for (Map.Entry<ScheduleExploration, List<Check>> group : byExploration.entrySet()) {
            List<String> classes = group.getValue().stream().map(check -> check.junit().className()).distinct().toList();
            GradingRun run = sandbox.runSchedules(exercise, files, classes, group.getKey());
            for (Check check : group.getValue()) {
                results.put(check, ScheduleCheck.result(check, run));
            }
        }
    }

    /**
     * Plain hidden tests share one test run, and those that call Lincheck have one of their own: Lincheck needs an
     * agent whose {@code Instrumentation} any code in that JVM can reach, and with it the run's key, so the learner's
     * code there could forge those tests' results, never the others'.
     */
    private void gradePlainTests(Exercise exercise, Map<String, String> files, Map<Check, CheckResult> results)
            throws InterruptedException {
        Map<Boolean, List<Check>> byLincheck = exercise.checks().stream().filter(c -> c.isJUnit() && !c.isSchedule())
                .collect(Collectors.partitioningBy(check -> callsLincheck(exercise, check.junit().className())));
        gradeTestRun(exercise, files, byLincheck.get(false), false, results);
        gradeTestRun(exercise, files, byLincheck.get(true), true, results);
    }

    /** Whether the hidden test class uses Lincheck (its source imports or names Lincheck's package). */
    public static boolean callsLincheck(Exercise exercise, String className) {
        String source = exercise.testFiles().get(className.replace('.', '/') + ".java");
        return source != null && source.contains("org.jetbrains.lincheck");
    }

    private void gradeTestRun(Exercise exercise, Map<String, String> files, List<Check> checks, boolean modelChecked,
            Map<Check, CheckResult> results) throws InterruptedException {
        if (checks.isEmpty()) {
            return;
        }
        List<String> classes = checks.stream().map(check -> check.junit().className()).distinct().toList();
        int repeat = checks.stream().mapToInt(Check::runs).max().orElse(1);
        GradingRun run = sandbox.runTests(exercise, files, classes, repeat, modelChecked);
        for (Check check : checks) {
            results.put(check, junitResult(check, run));
        }
    }

    static CheckResult junitResult(Check check, GradingRun run) {
        if (!run.compiled()) {
            return CheckResult.fail(check, run.abnormalEnd());
        }
        List<TestReport> reports = new ArrayList<>();
        for (TestReport report : run.testReports()) {
            boolean sameClass = report.className().equals(check.junit().className());
            if (sameClass && (report.method().equals(check.junit().method()) || report.method().isEmpty())
                    && report.run() <= check.runs()) {
                reports.add(report);
            }
        }
        for (TestReport report : reports) {
            if (!report.passed()) {
                return CheckResult.fail(check, inRun(report.run(), check.runs(), testFailure(report.message())));
            }
        }
        long passedRuns = reports.stream().filter(TestReport::passed).count();
        if (passedRuns < check.runs()) {
            Message why = run.abnormalEnd() != null ? run.abnormalEnd()
                    : run.testsFinished() ? Message.of("grading.testDidNotRun")
                    : ProgramCheck.withFirstErrorLine(Message.of("grading.testRunEndedEarly"), run.stderr());
            return CheckResult.fail(check, inRun((int) passedRuns + 1, check.runs(), why));
        }
        return CheckResult.pass(check, passedInAll(check));
    }

    /**
     * A failed test's message: the test's own words ({@code detail}, which translations of the exercise translate)
     * and, when JUnit compared two values, what it expected and what it got.
     */
    static Message testFailure(String message) {
        if (message != null && message.startsWith(RunnerReport.LINCHECK_RESULTS + "\n")) {
            return lincheckFailure(message);
        }
        Matcher compared = JUNIT_COMPARISON.matcher(message == null ? "" : message);
        if (!compared.matches()) {
            return otherJunitFailure(message == null ? "" : message)
                    .orElseGet(() -> Message.of("grading.testFailed", "detail", message));
        }
        String detail = compared.group(1);
        String index = compared.group(2);
        String key = index != null ? "grading.arrayDiffersAt" : "grading.expectedButWas";
        Message comparison = Message.of(key, "index", index == null ? "" : index, "expected", compared.group(3),
                "actual", compared.group(4));
        return detail == null ? comparison : Message.of("grading.testFailedComparing", "detail", detail, "comparison",
                comparison);
    }

    /** Lincheck's results and interleaving (the runner's short form), under headings in the learner's language. */
    private static Message lincheckFailure(String message) {
        String body = message.substring(RunnerReport.LINCHECK_RESULTS.length() + 1);
        String heading = "\n" + RunnerReport.LINCHECK_INTERLEAVING + "\n";
        int split = body.indexOf(heading);
        return split < 0 ? Message.of("grading.lincheckResults", "results", body)
                : Message.of("grading.lincheckInterleaving", "results", body.substring(0, split), "interleaving",
                        body.substring(split + heading.length()));
    }

    /** A timeout, a null or an exception not thrown, JUnit's words after the test's own ("detail ==> …"), if any. */
    private static Optional<Message> otherJunitFailure(String message) {
        int arrow = message.lastIndexOf(" ==> ");
        String junit = arrow < 0 ? message : message.substring(arrow + " ==> ".length());
        Matcher timedOut = JUNIT_TIMED_OUT.matcher(junit);
        Matcher notThrown = JUNIT_NOT_THROWN.matcher(junit);
        Message said = timedOut.matches() ? Message.of("grading.timedOut", "ms", timedOut.group(1))
                : junit.equals(JUNIT_NOT_NULL) ? Message.of("grading.expectedNotNull")
                : notThrown.matches() ? Message.of("grading.expectedThrown", "exception", notThrown.group(1)) : null;
        if (said == null) {
            return Optional.empty();
        }
        return Optional.of(arrow < 0 ? said : Message.of("grading.testFailedComparing", "detail",
                message.substring(0, arrow), "comparison", said));
    }

    /** "Run 2 of 5: …" when the check runs more than once. */
    private static Message inRun(int run, int runs, Message problem) {
        return runs > 1 ? Message.of("grading.inRun", "run", run, "runs", runs, "problem", problem) : problem;
    }
}
