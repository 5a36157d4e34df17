package dev.threadlab.lesson;

/** A lesson page: its folder name as id, front matter fields, and the sanitised HTML of its body. */
public record Lesson(String id, String title, int order, String summary, String html) {

    public LessonSummary summaryView() {
        return new LessonSummary(id, title, order, summary);
    }
}
