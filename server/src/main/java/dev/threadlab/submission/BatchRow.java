package dev.threadlab.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A zip of learners' folders graded for a script. */
@Entity
@Table(name = "batch")
class BatchRow {
    @Id
    String id;
    @Column(name = "exercise_id", nullable = false)
    String exerciseId;
    @Column(name = "owner_id", nullable = false)
    String ownerId;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
