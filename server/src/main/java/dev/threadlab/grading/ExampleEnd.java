package dev.threadlab.grading;

import dev.threadlab.lesson.ExpectedEnd;
import dev.threadlab.sandbox.SandboxOutcome;
import java.util.Optional;

/** Whether a lesson example's run ended the way the lesson says it does. */
public final class ExampleEnd {
    private ExampleEnd() {
    }

    public static Optional<String> problem(ExpectedEnd expected, GradingRun run) {
        SandboxOutcome outcome = run.outcome();
        String status = outcome.kind() == SandboxOutcome.Kind.EXITED ? ExpectedEnd.FINISHED : outcome.kind().name();
        boolean asExpected = status.equals(expected.status())
                && (!status.equals(ExpectedEnd.FINISHED) || outcome.exitCode() == expected.exitCode());
        if (asExpected) {
            return Optional.empty();
        }
        String stderr = ProgramCheck.firstErrorLine(run.stderr());
        String how = run.abnormalEnd() != null ? "it ended " + status + ": " + run.abnormalEnd().english()
                : "it finished with exit code " + outcome.exitCode() + (stderr.isEmpty() ? "." : " (stderr: " + stderr + ")");
        return Optional.of("the runnable example should " + expected + ", but " + how);
    }
}
