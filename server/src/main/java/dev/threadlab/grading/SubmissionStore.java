package dev.threadlab.grading;

import java.util.List;
import java.util.Optional;

/** Where submissions are kept; they must survive a restart. One small interface so another database can follow. */
public interface SubmissionStore {

    void insert(Submission submission);

    void update(Submission submission);

    Optional<Submission> find(String id);

    /** One learner's submissions to one exercise, newest first. */
    List<Submission> ofLearner(String exerciseId, String learnerId);

    /** Submissions a stopped server left queued or half graded. */
    List<Submission> unfinished();
}
