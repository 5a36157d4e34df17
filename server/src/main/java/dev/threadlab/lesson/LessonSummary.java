package dev.threadlab.lesson;

/** What the course home and {@code GET /api/lessons} show of a lesson. */
public record LessonSummary(String id, String title, int order, String summary, String language) {
}
