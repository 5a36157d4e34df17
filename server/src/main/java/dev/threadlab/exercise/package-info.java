/**
 * The exercise catalogue: reads each lesson's {@code exercises/} folders ({@code exercise.yaml}, task, translations,
 * starter, solution and hidden tests) into {@link dev.threadlab.exercise.Exercise}s with the definitions of their
 * checks ({@link dev.threadlab.exercise.Check}, {@link dev.threadlab.exercise.OutputMatch}), and keeps them by id.
 * It says what an exercise asks for, never how a submission is graded or stored: it imports only {@code lesson} and
 * {@code sandbox} (for limits), and never {@code grading}, {@code submission} or {@code course}.
 */
package dev.threadlab.exercise;
