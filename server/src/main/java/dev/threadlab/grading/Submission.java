package dev.threadlab.grading;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A learner's solution to an exercise and, once graded, its result. */
public record Submission(String id, String exerciseId, String learnerId, Instant createdAt, SubmissionStatus status,
        Map<String, String> files, Integer score, int maxScore, List<CheckResult> checks, String message,
        Instant gradedAt) {

    public boolean fullMarks() {
        return status == SubmissionStatus.GRADED && score != null && score == maxScore;
    }

    Submission grading() {
        return new Submission(id, exerciseId, learnerId, createdAt, SubmissionStatus.GRADING, files, null, maxScore,
                List.of(), null, null);
    }

    Submission graded(List<CheckResult> results) {
        int total = results.stream().mapToInt(CheckResult::points).sum();
        return new Submission(id, exerciseId, learnerId, createdAt, SubmissionStatus.GRADED, files, total, maxScore,
                List.copyOf(results), null, Instant.now());
    }

    Submission failed(String why) {
        return new Submission(id, exerciseId, learnerId, createdAt, SubmissionStatus.ERROR, files, null, maxScore,
                List.of(), why, Instant.now());
    }
}
