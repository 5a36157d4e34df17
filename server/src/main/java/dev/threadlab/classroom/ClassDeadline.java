package dev.threadlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The due date and late policy of one exercise in one class. */
@Entity
@Table(name = "class_deadline")
@IdClass(ClassDeadline.Key.class)
class ClassDeadline {
    @Id
    @Column(name = "class_id")
    String classId;
    @Id
    @Column(name = "exercise_id")
    String exerciseId;
    @Column(name = "due_at", nullable = false)
    Instant dueAt;
    @Column(name = "late_until")
    Instant lateUntil;
    @Column(name = "late_percent", nullable = false)
    int latePercent;

    LatePolicy policy() {
        return new LatePolicy(dueAt, lateUntil, latePercent);
    }

    static class Key implements Serializable {
        String classId;
        String exerciseId;

        Key() {
        }

        Key(String classId, String exerciseId) {
            this.classId = classId;
            this.exerciseId = exerciseId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(classId, key.classId)
                    && Objects.equals(exerciseId, key.exerciseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, exerciseId);
        }
    }
}
