package dev.threadlab.progress;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.lesson.Lesson;
import dev.threadlab.lesson.LessonRepository;
import dev.threadlab.store.Database;
import dev.threadlab.submission.Submission;
import dev.threadlab.submission.SubmissionService;
import dev.threadlab.submission.SubmissionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A learner's way through the course: lessons opened, exercises passed, points; a lesson is ticked once passed. */
@ApplicationScoped
public class CourseProgress {

    /** The whole course for one learner. */
    public record Summary(List<LessonProgress> lessons, int points, int maxPoints) {
    }

    public record LessonProgress(String id, boolean opened, boolean ticked, List<ExerciseProgress> exercises) {
    }

    public record ExerciseProgress(String id, int best, int maxScore, boolean passed, int attempts) {
    }

    private final Database database;
    private final LessonRepository lessons;
    private final ExerciseRepository exercises;
    private final SubmissionService submissions;

    CourseProgress(Database database, LessonRepository lessons, ExerciseRepository exercises,
            SubmissionService submissions) {
        this.database = database;
        this.lessons = lessons;
        this.exercises = exercises;
        this.submissions = submissions;
    }

    /**
     * Records the first time this learner opened the lesson; later visits change nothing. The caller knows the lesson
     * exists (the lesson page has just found it; the API checks).
     */
    @Transactional
    public void opened(String ownerId, String lessonId) {
        LessonVisit.Key key = new LessonVisit.Key(ownerId, lessonId);
        if (database.session().find(LessonVisit.class, key) == null) {
            LessonVisit visit = new LessonVisit();
            visit.key = key;
            visit.firstOpenedAt = Instant.now();
            database.session().persist(visit);
        }
    }

    @Transactional
    public Summary of(String ownerId) {
        Set<String> opened = database.session()
                .createSelectionQuery("select key.lessonId from LessonVisit where key.ownerId = :owner", String.class)
                .setParameter("owner", ownerId).getResultStream().collect(Collectors.toSet());
        Map<String, List<Submission>> byExercise = submissions.ofLearners(List.of(ownerId)).stream()
                .filter(s -> s.status() == SubmissionStatus.GRADED)
                .collect(Collectors.groupingBy(Submission::exerciseId));
        // One read of the exercise catalogue for the whole course, not one per lesson.
        Map<String, List<Exercise>> byLesson = exercises.all().stream()
                .collect(Collectors.groupingBy(Exercise::lessonId));
        List<LessonProgress> list = lessons.all().stream()
                .map(lesson -> lessonProgress(lesson, opened.contains(lesson.id()),
                        byLesson.getOrDefault(lesson.id(), List.of()), byExercise)).toList();
        int points = list.stream().flatMap(l -> l.exercises().stream()).mapToInt(ExerciseProgress::best).sum();
        int max = list.stream().flatMap(l -> l.exercises().stream()).mapToInt(ExerciseProgress::maxScore).sum();
        return new Summary(list, points, max);
    }

    private static LessonProgress lessonProgress(Lesson lesson, boolean opened, List<Exercise> itsExercises,
            Map<String, List<Submission>> byExercise) {
        List<ExerciseProgress> list = itsExercises.stream()
                .map(e -> exerciseProgress(e, byExercise.getOrDefault(e.id(), List.of()))).toList();
        boolean ticked = !list.isEmpty() && list.stream().allMatch(ExerciseProgress::passed);
        return new LessonProgress(lesson.id(), opened, ticked, list);
    }

    private static ExerciseProgress exerciseProgress(Exercise exercise, List<Submission> graded) {
        int best = graded.stream().mapToInt(s -> s.score() == null ? 0 : s.score()).max().orElse(0);
        return new ExerciseProgress(exercise.id(), best, exercise.maxScore(),
                graded.stream().anyMatch(Submission::fullMarks), graded.size());
    }
}
