package dev.threadlab.classroom;

import dev.threadlab.submission.SubmissionStatus;
import java.time.Instant;

/** What the submission page shows above the files, checks and trace (which its script loads from the API). */
public record SubmissionSummary(String id, String exerciseId, String exerciseTitle, String learnerName,
        Instant createdAt, SubmissionStatus status, Integer score, int maxScore) {
}
