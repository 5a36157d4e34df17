package dev.threadlab.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A result that a regrade replaced, kept so that earlier scores stay visible. */
@Entity
@Table(name = "grade_history")
class GradeHistoryRow {
    @Id
    String id;
    @Column(name = "submission_id", nullable = false)
    String submissionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SubmissionStatus status;
    Integer score;
    @Column(name = "max_score", nullable = false)
    int maxScore;
    String checks;
    String message;
    String explanation;
    @Column(name = "graded_at")
    Instant gradedAt;
    @Column(name = "replaced_at", nullable = false)
    Instant replacedAt;
}
