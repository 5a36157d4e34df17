package dev.threadlab.lesson;

/** A lesson file that cannot be shown; the message names the file and the problem. */
public class InvalidLessonException extends RuntimeException {
    public InvalidLessonException(String message) {
        super(message);
    }
}
