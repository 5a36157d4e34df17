package dev.threadlab.grading;

import dev.threadlab.message.Message;
import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.TestReport;
import dev.threadlab.trace.TraceEvent;
import java.util.List;

/**
 * Everything one graded run of a submission produced: how it ended, its output, its wall time, its trace (when
 * recorded) and, for a test run, the test reports and whether the test runner got to the end; for a schedule run, the
 * replayed steps of each failing schedule.
 */
public record GradingRun(SandboxOutcome outcome, List<CompileDiagnostic> diagnostics, String stdout, String stderr,
        long wallTimeMs, List<TraceEvent> trace, List<TestReport> testReports, boolean testsFinished,
        List<RunnerReport.ScheduleStep> scheduleSteps) {

    boolean compiled() {
        return outcome.kind() != SandboxOutcome.Kind.COMPILE_ERROR;
    }

    /** Why the run did not end normally, in the learner's words; null when it exited on its own. */
    Message abnormalEnd() {
        return switch (outcome.kind()) {
            case EXITED -> null;
            case COMPILE_ERROR -> diagnostics.stream().filter(d -> "error".equals(d.severity())).findFirst()
                    .map(d -> Message.of("grading.doesNotCompile", "where", d.file() + ":" + d.line(), "error",
                            d.message()))
                    .orElse(Message.of("grading.doesNotCompileSeeMessages"));
            default -> outcome.message() != null ? outcome.message()
                    : Message.of("grading.runEnded", "kind", outcome.kind().name());
        };
    }
}
