package dev.threadlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One account in one class. */
@Entity
@Table(name = "class_member")
@IdClass(ClassMember.Key.class)
class ClassMember {
    @Id
    @Column(name = "class_id")
    String classId;
    @Id
    @Column(name = "user_id")
    String userId;
    @Column(name = "joined_at", nullable = false)
    Instant joinedAt;

    /** The composite primary key (a plain class: JPA wants a no-argument constructor and equals/hashCode). */
    static class Key implements Serializable {
        String classId;
        String userId;

        Key() {
        }

        Key(String classId, String userId) {
            this.classId = classId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(classId, key.classId) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, userId);
        }
    }
}
