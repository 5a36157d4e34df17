/**
 * Validation of a whole course tree the way CI does it ({@link dev.threadlab.course.CourseValidator}): every lesson
 * and translation parses and its runnable examples end as they say; every exercise parses, its reference solution
 * gets full marks and its starter does not. It sits on top of {@code lesson}, {@code exercise} and {@code grading};
 * nothing in the server depends on it.
 */
package dev.threadlab.course;
