package dev.threadlab.exercise;

/** An exercise folder that cannot be used; the message names the file and what is wrong with it. */
public class InvalidExerciseException extends RuntimeException {
    public InvalidExerciseException(String message) {
        super(message);
    }
}
