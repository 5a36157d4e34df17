package dev.threadlab.classroom;

/** A due date as it applies to one learner: from which class, and its policy. */
public record AppliedDeadline(String classId, String className, LatePolicy policy) {
}
