package dev.threadlab.lesson;

/**
 * A lesson page in one language: its folder name as id, front matter fields, the sanitised HTML of its body, and
 * the language it is written in (a missing translation falls back to English).
 */
public record Lesson(String id, String title, int order, String summary, String html, Language language) {

    public LessonSummary summaryView() {
        return new LessonSummary(id, title, order, summary, language.tag());
    }
}
