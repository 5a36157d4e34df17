package dev.threadlab.classroom;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.Lesson;
import dev.threadlab.lesson.LessonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exercises as gradebook columns, in the order learners meet them: by their lesson's place in the course (the
 * exercise folders alone sort alphabetically by lesson), then as the lesson lists them.
 */
@ApplicationScoped
class CourseOrder {
    private final LessonRepository lessons;
    private final ExerciseRepository exercises;

    CourseOrder(LessonRepository lessons, ExerciseRepository exercises) {
        this.lessons = lessons;
        this.exercises = exercises;
    }

    List<Gradebook.Column> columns(Language language) {
        Map<String, Integer> place = new HashMap<>();
        List<Lesson> course = lessons.all();
        for (int i = 0; i < course.size(); i++) {
            place.put(course.get(i).id(), i);
        }
        return exercises.all().stream()
                .sorted(Comparator.comparingInt(e -> place.getOrDefault(e.lessonId(), Integer.MAX_VALUE)))
                .map(e -> column(e, language)).toList();
    }

    private static Gradebook.Column column(Exercise exercise, Language language) {
        return new Gradebook.Column(exercise.id(), exercise.text(language).title(), exercise.maxScore());
    }
}
