package dev.threadlab.submission;

import dev.threadlab.account.Account;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.grading.CheckResult;
import dev.threadlab.grading.MessageLimit;
import dev.threadlab.message.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A learner's solution to an exercise and, once graded, its result. The result is stored and sent as it is, so it is
 * kept within {@link MessageLimit#RESULT_BYTES} however much the program wrote. {@code message} says why an ERROR
 * submission could not be graded.
 */
public record Submission(String id, String exerciseId, String learnerId, Instant createdAt, SubmissionStatus status,
        Map<String, String> files, Integer score, int maxScore, List<CheckResult> checks, Message message,
        Instant gradedAt) {

    /** A new submission of these files, waiting to be graded. */
    static Submission queued(Exercise exercise, Map<String, String> files, String learnerId) {
        return new Submission(UUID.randomUUID().toString(), exercise.id(), learnerId, Instant.now(),
                SubmissionStatus.QUEUED, Map.copyOf(files), null, exercise.maxScore(), List.of(), null, null);
    }

    /** Whether this account may see it: the learner who made it, or someone who teaches. */
    public boolean visibleTo(Account account) {
        return learnerId.equals(account.id()) || account.teaches();
    }

    public boolean fullMarks() {
        return status == SubmissionStatus.GRADED && score != null && score == maxScore;
    }

    /** Back in the queue for a regrade; the result it had is kept in the history first. */
    Submission requeued() {
        return new Submission(id, exerciseId, learnerId, createdAt, SubmissionStatus.QUEUED, files, null, maxScore,
                List.of(), null, null);
    }

    Submission grading() {
        return new Submission(id, exerciseId, learnerId, createdAt, SubmissionStatus.GRADING, files, null, maxScore,
                List.of(), null, null);
    }

    Submission graded(List<CheckResult> results) {
        int total = results.stream().mapToInt(CheckResult::points).sum();
        return new Submission(id, exerciseId, learnerId, createdAt, SubmissionStatus.GRADED, files, total, maxScore,
                MessageLimit.fit(results, null), null, Instant.now());
    }

    Submission failed(Message why) {
        return new Submission(id, exerciseId, learnerId, createdAt, SubmissionStatus.ERROR, files, null, maxScore,
                List.of(), why, Instant.now());
    }

    /** Why it could not be graded, in English (API clients, exports), or null. */
    public String englishMessage() {
        return message == null ? null : message.english();
    }
}
