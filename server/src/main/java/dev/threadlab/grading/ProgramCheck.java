package dev.threadlab.grading;

import dev.threadlab.exercise.Check;
import dev.threadlab.message.Message;
import java.util.List;
import java.util.Optional;

/** Judges one run of the learner's program against a program check's expectations. */
final class ProgramCheck {

    private ProgramCheck() {
    }

    /** Why the run fails the check, or empty when it passes. */
    static Optional<Message> problem(Check.ProgramExpectation expected, GradingRun run) {
        Message abnormal = run.abnormalEnd();
        if (abnormal != null) {
            return Optional.of(abnormal);
        }
        Integer exitCode = run.outcome().exitCode();
        if (expected.exitCode() != null && !expected.exitCode().equals(exitCode)) {
            return Optional.of(withFirstErrorLine(Message.of("grading.exitCode", "code", exitCode, "expected",
                    expected.exitCode()), run.stderr()));
        }
        if (expected.stdout() != null) {
            Optional<Message> mismatch = expected.stdout().mismatch("stdout", run.stdout());
            if (mismatch.isPresent()) {
                return mismatch;
            }
        }
        if (expected.stderr() != null) {
            Optional<Message> mismatch = expected.stderr().mismatch("stderr", run.stderr());
            if (mismatch.isPresent()) {
                return mismatch;
            }
        }
        if (expected.trace() != null) {
            List<Message> problems = TraceCheck.problems(expected.trace(),
                    TraceFacts.of(run.trace(), run.wallTimeMs()));
            if (!problems.isEmpty()) {
                return Optional.of(Message.of("grading.onTheTrace", "problems", problems));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the run fails the check only on what a busy host can cause in a correct program (too few threads on CPUs
     * at once, too slow); such a run is worth repeating rather than failing.
     */
    static boolean onlyABusyHostCouldExplain(Check.ProgramExpectation expected, GradingRun run) {
        if (expected.trace() == null || !run.compiled()) {
            return false;
        }
        Check.ProgramExpectation withoutTrace = new Check.ProgramExpectation(expected.stdout(), expected.stderr(),
                expected.exitCode(), null);
        return problem(withoutTrace, run).isEmpty()
                && TraceCheck.onlyABusyHostCouldExplain(expected.trace(), TraceFacts.of(run.trace(), run.wallTimeMs()));
    }

    /**
     * The message followed by the first line of what the program wrote to stderr (an exception, usually), as a hint;
     * the message alone when there is none.
     */
    static Message withFirstErrorLine(Message message, String stderr) {
        String first = firstErrorLine(stderr);
        return first.isEmpty() ? message : Message.of("grading.withStderr", "message", message, "stderr", first);
    }

    /** The first line of stderr that is not a stack frame, at most 160 characters; "" when there is none. */
    static String firstErrorLine(String stderr) {
        String first = stderr.strip().lines().filter(line -> !line.startsWith("\tat ")).findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
