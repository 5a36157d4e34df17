package dev.threadlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The first time a signed-in learner opened a lesson. */
@Entity
@Table(name = "lesson_visit")
class LessonVisit {
    @EmbeddedId
    Key key;
    @Column(name = "first_opened_at", nullable = false)
    Instant firstOpenedAt;

    @Embeddable
    record Key(@Column(name = "owner_id") String ownerId, @Column(name = "lesson_id") String lessonId)
            implements Serializable {
    }
}
