package dev.threadlab.submission;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored form of a {@link Submission}: files and check results as JSON text, the trace loaded only on demand. */
@Entity
@Table(name = "submission")
class SubmissionRow {
    @Id
    String id;
    @Column(name = "exercise_id", nullable = false)
    String exerciseId;
    @Column(name = "learner_id", nullable = false)
    String learnerId;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SubmissionStatus status;
    @Column(nullable = false)
    String files;
    Integer score;
    @Column(name = "max_score", nullable = false)
    int maxScore;
    String checks;
    String message;
    String explanation;
    @Column(name = "graded_at")
    Instant gradedAt;
    @Basic(fetch = FetchType.LAZY)
    String trace;
}
