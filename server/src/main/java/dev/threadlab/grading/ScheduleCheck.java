package dev.threadlab.grading;

import dev.threadlab.exercise.Check;
import dev.threadlab.message.Message;
import dev.threadlab.sandbox.TestReport;
import java.util.List;
import java.util.Optional;

/** A schedule check's result from its test method's report: how the exploration ended, in the learner's words. */
final class ScheduleCheck {
    private ScheduleCheck() {
    }

    static CheckResult result(Check check, GradingRun run) {
        if (!run.compiled()) {
            return CheckResult.fail(check, run.abnormalEnd());
        }
        Optional<TestReport> report = run.testReports().stream()
                .filter(r -> r.className().equals(check.junit().className())
                        && (r.method().equals(check.junit().method()) || r.method().isEmpty()))
                .findFirst();
        if (report.isEmpty() || report.get().verdict() == null) {
            // No verdict: the class failed to load, the run ended early, or the method is not a @Test.
            return Grader.junitResult(check, run);
        }
        TestReport found = report.get();
        List<InterleavingStep> steps = run.scheduleSteps().stream()
                .filter(s -> s.className().equals(found.className()) && s.method().equals(found.method()))
                .map(InterleavingStep::of).toList();
        return verdict(check, found).withInterleaving(steps);
    }

    private static CheckResult verdict(Check check, TestReport found) {
        int schedules = check.junit().schedule().iterations();
        return switch (found.verdict()) {
            case PASSED -> CheckResult.pass(check, Message.of("grading.schedulesPassed", "schedules", schedules));
            case FAILED -> CheckResult.fail(check, Message.of("grading.scheduleFailed", "schedule", found.schedule(),
                    "schedules", schedules, "problem", Grader.testFailure(found.message())));
            case DEADLOCK -> CheckResult.fail(check, Message.of("grading.scheduleDeadlock", "schedule",
                    found.schedule(), "schedules", schedules));
            case TAMPERED -> CheckResult.fail(check, Message.of("grading.scheduleTampered"));
            case CUT_SHORT -> CheckResult.fail(check, Message.of("grading.scheduleCutShort", "schedule",
                    found.schedule(), "schedules", schedules));
        };
    }
}
