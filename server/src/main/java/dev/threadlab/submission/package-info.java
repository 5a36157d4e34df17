/**
 * Learners' submissions: accepting them under per-learner and per-address limits, grading them in the background
 * through {@code grading}, storing them so they survive a restart ({@link dev.threadlab.submission.SubmissionStore}),
 * and the HTTP API over exercises and submissions ({@code /api/exercises}, whose hints and solution unlock by a
 * learner's submissions, and {@code /api/submissions}).
 */
package dev.threadlab.submission;
