package dev.threadlab.web;

import dev.threadlab.lesson.Lesson;
import dev.threadlab.progress.CourseProgress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A lesson as the course home lists it: with whether the logged-in learner has opened it and passed it. */
public record HomeLesson(Lesson lesson, boolean opened, boolean ticked) {

    /** The lessons in course order; all unmarked for an anonymous visitor (no progress). */
    static List<HomeLesson> of(List<Lesson> lessons, CourseProgress.Summary progress) {
        Map<String, CourseProgress.LessonProgress> byId = progress == null ? Map.of()
                : progress.lessons().stream().collect(Collectors.toMap(CourseProgress.LessonProgress::id,
                        Function.identity()));
        return lessons.stream().map(lesson -> {
            CourseProgress.LessonProgress p = byId.get(lesson.id());
            return new HomeLesson(lesson, p != null && p.opened(), p != null && p.ticked());
        }).toList();
    }
}
