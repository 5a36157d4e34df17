/**
 * Grading: runs a learner's files against an exercise's checks in fresh sandboxes ({@link dev.threadlab.grading.Grader},
 * {@link dev.threadlab.grading.GradingSandbox}, through the graded lane of {@code run}'s sandbox lanes) and judges each
 * run (output, exit code, trace facts, sealed JUnit reports) into {@link dev.threadlab.grading.CheckResult}s of
 * bounded size. It knows exercises but not submissions: {@code submission} calls it, never the other way round.
 */
package dev.threadlab.grading;
