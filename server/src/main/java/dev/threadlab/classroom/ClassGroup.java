package dev.threadlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A class: its owner teaches it, learners join it with the code. */
@Entity
@Table(name = "class_group")
class ClassGroup {
    @Id
    String id;
    @Column(nullable = false)
    String name;
    @Column(name = "join_code", nullable = false, unique = true)
    String joinCode;
    @Column(name = "owner_id", nullable = false)
    String ownerId;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    ClassInfo info() {
        return new ClassInfo(id, name, joinCode, ownerId, createdAt);
    }
}
