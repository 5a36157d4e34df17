package dev.threadlab.submission;

import dev.threadlab.exercise.Check;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseText;
import dev.threadlab.grading.CheckResult;
import dev.threadlab.lesson.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A submission as the API shows it to the learner who made it (files, and failed schedule checks' interleavings, only
 * in the single view). Why an ERROR submission
 * could not be graded: {@code message} in English, {@code messageKey} and {@code args} for the page to say it.
 */
public record SubmissionView(String id, String exerciseId, SubmissionStatus status, Integer score, int maxScore,
        List<CheckResult> checks, String message, String messageKey, Map<String, Object> args, Instant createdAt,
        Instant gradedAt, Map<String, String> files) {

    /**
     * Check names in the learner's language: by the check's id when the exercise still has it; a result stored before
     * checks had ids is renamed when the exercise still has the checks it was graded with, in the same order.
     */
    static SubmissionView of(Submission s, boolean withFiles, Exercise exercise, Language language) {
        List<CheckResult> checks = s.checks();
        if (exercise != null && checks.stream().allMatch(check -> check.checkId() != null)) {
            List<String> names = exercise.text(language).checkNames();
            List<String> ids = exercise.checks().stream().map(Check::id).toList();
            checks = checks.stream().map(r -> ids.contains(r.checkId()) ? r.named(names.get(ids.indexOf(r.checkId())))
                    : r).toList();
        } else if (exercise != null && exercise.checks().size() == checks.size()) {
            List<String> names = exercise.text(language).checkNames();
            List<String> english = exercise.checks().stream().map(Check::name).toList();
            checks = java.util.stream.IntStream.range(0, checks.size()).mapToObj(i -> {
                CheckResult r = s.checks().get(i);
                return r.name().equals(english.get(i))
                        ? r.named(names.get(i)) : r;
            }).toList();
        }
        if (exercise != null && language != null && language != Language.EN) {
            ExerciseText text = exercise.text(language);
            checks = checks.stream().map(check -> check.withDetails(text::feedback)).toList();
        }
        if (!withFiles) {
            // Lists stay small: a failed schedule check's steps (up to 200) come with the single submission only.
            checks = checks.stream().map(CheckResult::withoutInterleaving).toList();
        }
        return new SubmissionView(s.id(), s.exerciseId(), s.status(), s.score(), s.maxScore(), checks,
                s.englishMessage(), s.message() == null ? null : s.message().key(),
                s.message() == null ? null : s.message().args(), s.createdAt(), s.gradedAt(), withFiles ? s.files() : null);
    }
}
