package dev.threadlab.submission;

public enum SubmissionStatus {
    QUEUED, GRADING, GRADED, ERROR;

    public boolean finished() {
        return this == GRADED || this == ERROR;
    }
}
