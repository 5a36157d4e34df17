package dev.threadlab.submission;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where submissions are kept; they must survive a restart. */
public interface SubmissionStore {

    void insert(Submission submission);

    void update(Submission submission);

    Optional<Submission> find(String id);

    /** One learner's submissions to one exercise, newest first. */
    List<Submission> ofLearner(String exerciseId, String learnerId);

    /** Every submission of these learners, oldest first. */
    List<Submission> ofLearners(Collection<String> learnerIds);

    /** Each learner's newest submission to this exercise. */
    List<Submission> latestPerLearner(String exerciseId);

    /** Submissions a stopped server left queued or half graded. */
    List<Submission> unfinished();

    /** The scheduling trace of the graded program run, as JSON, when one was recorded. */
    Optional<String> trace(String id);

    void saveTrace(String id, String traceJson);

    /** Keeps the current result of a submission that is about to be regraded. */
    void keepHistory(Submission current);

    /** Earlier results of a submission, oldest first. */
    List<Submission> history(String id);

    /** Hands every submission of one owner to another (an anonymous browser that signed up); returns how many. */
    int reassign(String fromLearnerId, String toLearnerId);
}
