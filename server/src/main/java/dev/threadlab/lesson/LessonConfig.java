package dev.threadlab.lesson;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "threadlab.lessons")
public interface LessonConfig {

    /** Folder holding one sub-folder per lesson, each with a lesson.md. */
    @WithDefault("lessons")
    String dir();
}
