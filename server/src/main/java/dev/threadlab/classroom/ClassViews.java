package dev.threadlab.classroom;

import java.time.Instant;

/** The JSON bodies of the class API, in and out. */
public final class ClassViews {

    private ClassViews() {
    }

    public record NewClass(String name) {
    }

    public record JoinRequest(String code) {
    }

    /** Times as ISO-8601 with a zone ("2025-03-01T23:59:00+08:00" or "…Z"); lateUntil may be null. */
    public record DeadlineRequest(String dueAt, String lateUntil, Integer latePercent) {
    }

    public record Created(String id, String joinCode) {
    }

    public record Joined(String id, String name) {
    }

    /** A class of the viewer's: one they teach (with its join code) or one they are in (without). */
    public record Listing(String id, String name, boolean teaching, String joinCode, Instant createdAt) {

        static Listing teaching(ClassInfo group) {
            return new Listing(group.id(), group.name(), true, group.joinCode(), group.createdAt());
        }

        static Listing member(ClassInfo group) {
            return new Listing(group.id(), group.name(), false, null, group.createdAt());
        }
    }

    public record Deadline(String classId, String exerciseId, Instant dueAt, Instant lateUntil, int latePercent) {

        static Deadline of(String classId, String exerciseId, LatePolicy policy) {
            return new Deadline(classId, exerciseId, policy.dueAt(), policy.lateUntil(), policy.latePercent());
        }
    }

    /** The due date that applies to the viewer (null when none of their classes sets one). */
    public record ExerciseDeadline(String exerciseId, Applied deadline) {
    }

    public record Applied(String classId, String className, Instant dueAt, Instant lateUntil, int latePercent) {

        static Applied of(AppliedDeadline deadline) {
            LatePolicy policy = deadline.policy();
            return new Applied(deadline.classId(), deadline.className(), policy.dueAt(), policy.lateUntil(),
                    policy.latePercent());
        }
    }
}
