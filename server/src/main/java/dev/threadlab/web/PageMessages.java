package dev.threadlab.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the page chrome (lessons bring their own text); used as {msg:...} in the templates. */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    @Message("Processes and threads, with real programs")
    String tagline();

    @Message("Course")
    String course();

    @Message("Lessons")
    String lessons();

    @Message("Exercise")
    String exercise();

    @Message("{points} points")
    String points(int points);

    @Message("Not found")
    String notFound();

    @Message("There is no {what}.")
    String noSuch(String what);

    @Message("Back to the course")
    String backToCourse();

    @Message("Language")
    String language();

    @Message("Multiprocessing and multithreading in Java")
    String homeTitle();

    @Message("Read a lesson, edit its programs, press Run, and watch them run in a real sandbox.")
    String homeLead();

    @Message("No lessons yet: add lessons/<id>/lesson.md.")
    String noLessons();

    @Message("Dark mode")
    String darkMode();

    @Message("Settings")
    String settings();
}
