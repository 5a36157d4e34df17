package dev.threadlab.grading;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A submission as the API shows it to the learner who made it (files only in the single view). */
public record SubmissionView(String id, String exerciseId, SubmissionStatus status, Integer score, int maxScore,
        List<CheckResult> checks, String message, Instant createdAt, Instant gradedAt, Map<String, String> files) {

    static SubmissionView of(Submission s, boolean withFiles) {
        return new SubmissionView(s.id(), s.exerciseId(), s.status(), s.score(), s.maxScore(), s.checks(), s.message(),
                s.createdAt(), s.gradedAt(), withFiles ? s.files() : null);
    }
}
