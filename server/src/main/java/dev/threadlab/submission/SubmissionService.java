package dev.threadlab.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.account.AccountCreated;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.grading.Grade;
import dev.threadlab.grading.Grader;
import dev.threadlab.grading.GradingConfig;
import dev.threadlab.grading.MessageLimit;
import dev.threadlab.message.Message;
import dev.threadlab.run.InvalidRunRequestException;
import dev.threadlab.run.RunAdmission;
import dev.threadlab.run.RunClient;
import dev.threadlab.run.RunRequest;
import dev.threadlab.run.RunRequestValidator;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.trace.TraceEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Accepts submissions, stores them at once (so none is lost), and grades them in the background. Submissions a
 * stopped server left queued or half graded are graded again at start.
 */
@Singleton
public class SubmissionService {
    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final ExerciseRepository exercises;
    private final SubmissionStore store;
    private final Grader grader;
    private final RunRequestValidator validator;
    private final SandboxImage image;
    private final GradingConfig config;
    private final ExecutorService graders;
    private final RunAdmission admission;
    private final Regrades regrades = new Regrades();
    private final ObjectMapper json;

    SubmissionService(ExerciseRepository exercises, SubmissionStore store, Grader grader, RunRequestValidator validator,
            SandboxImage image, GradingConfig config, ObjectMapper json) {
        this.json = json;
        this.exercises = exercises;
        this.store = store;
        this.grader = grader;
        this.validator = validator;
        this.image = image;
        this.config = config;
        this.admission = new RunAdmission(config.perClient().maxActive(), config.perClient().maxActivePerAddress(),
                "submissions");
        AtomicInteger count = new AtomicInteger();
        this.graders = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), task -> {
            Thread thread = new Thread(task, "grader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Stores and queues a submission; refused (429) when this learner or address already has as many waiting or
     * being graded as it may. The count is released when grading ends, however it ends.
     */
    public Submission submit(String exerciseId, Map<String, String> files, String learnerId, String address) {
        Exercise exercise = exercises.require(exerciseId);
        validate(exercise, files);
        RunClient client = RunClient.of(learnerId, address);
        admission.admit(client);
        Submission submission = Submission.queued(exercise, files, learnerId);
        try {
            store.insert(submission);
            graders.execute(() -> gradeAndRelease(submission, client));
        } catch (RuntimeException e) {
            admission.release(client);
            throw e;
        }
        return submission;
    }

    public Optional<Submission> find(String id) {
        return store.find(id);
    }

    public List<Submission> ofLearner(String exerciseId, String learnerId) {
        return learnerId == null ? List.of() : store.ofLearner(exerciseId, learnerId);
    }

    /** Graded submissions of this learner that did not get full marks: what unlocks hints. */
    public int failedAttempts(String exerciseId, String learnerId) {
        return (int) ofLearner(exerciseId, learnerId).stream()
                .filter(s -> s.status() == SubmissionStatus.GRADED && !s.fullMarks()).count();
    }

    public boolean passed(String exerciseId, String learnerId) {
        return ofLearner(exerciseId, learnerId).stream().anyMatch(Submission::fullMarks);
    }

    /** A browser that signed up brings its anonymous submissions into the new account. */
    void claim(@Observes AccountCreated created) {
        int moved = store.reassign(created.anonymousLearnerId(), created.userId());
        if (moved > 0) {
            LOG.infof("%d anonymous submissions now belong to a new account", moved);
        }
    }

    /**
     * Regrades each learner's latest submission to this exercise in the background, keeping the result it replaces
     * in the history. Returns the regrade, whose counters show its progress.
     */
    public Regrade regrade(String exerciseId) {
        exercises.require(exerciseId);
        List<Submission> latest = store.latestPerLearner(exerciseId).stream()
                .filter(s -> s.status() != SubmissionStatus.QUEUED && s.status() != SubmissionStatus.GRADING)
                .toList();
        Regrade regrade = regrades.start(exerciseId, latest.size());
        for (Submission submission : latest) {
            store.keepHistory(submission);
            Submission queued = submission.requeued();
            store.update(queued);
            graders.execute(() -> {
                try {
                    grade(queued);
                } finally {
                    regrade.done();
                }
            });
        }
        return regrade;
    }

    public Optional<Regrade.Progress> regradeProgress(String id) {
        return regrades.find(id).map(Regrade::progress);
    }

    /** Earlier results of a submission that regrades replaced, oldest first. */
    public List<Submission> history(String id) {
        return store.history(id);
    }

    public Optional<String> trace(String id) {
        return store.trace(id);
    }

    public List<Submission> ofLearners(java.util.Collection<String> learnerIds) {
        return store.ofLearners(learnerIds);
    }

    /**
     * Stores and queues a submission made for someone else (batch grading), with no per-client admission. Files that
     * cannot be graded are stored at once as ERROR with the reason, so that a batch never loses an entry.
     */
    Submission submitFor(Exercise exercise, Map<String, String> files, String learnerId) {
        Submission submission = Submission.queued(exercise, files, learnerId);
        try {
            validate(exercise, files);
        } catch (InvalidRunRequestException e) {
            Submission refused = submission.failed(e.explanation());
            store.insert(refused);
            return refused;
        }
        store.insert(submission);
        graders.execute(() -> grade(submission));
        return submission;
    }

    /** The same limits and file rules as a run of the exercise's main class (400 with what to change). */
    private void validate(Exercise exercise, Map<String, String> files) {
        validator.validate(new RunRequest("java", files, exercise.mainClass(), null, false));
    }

    void resumeUnfinished(@Observes StartupEvent event) {
        List<Submission> unfinished = store.unfinished();
        if (!unfinished.isEmpty()) {
            LOG.infof("Grading %d submissions left unfinished by the last run of the server", unfinished.size());
        }
        unfinished.forEach(submission -> graders.execute(() -> grade(submission)));
    }

    void stop(@Observes ShutdownEvent event) {
        graders.shutdownNow(); // interrupted gradings stay GRADING and resume at the next start
        try {
            graders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String writeTrace(List<TraceEvent> trace) {
        try {
            return json.writeValueAsString(trace);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void gradeAndRelease(Submission submission, RunClient client) {
        try {
            grade(submission);
        } finally {
            admission.release(client);
        }
    }

    private void grade(Submission submission) {
        Optional<Exercise> exercise = exercises.find(submission.exerciseId());
        if (exercise.isEmpty()) {
            store.update(submission.failed(Message.of("submission.exerciseGone", "exercise", submission.exerciseId())));
            return;
        }
        try {
            if (!image.awaitSettled(config.sandboxWait().toMillis(), TimeUnit.MILLISECONDS).ready()) {
                store.update(submission.failed(Message.of("submission.sandboxDown", "reason",
                        MessageLimit.cut(image.state().reason(), MessageLimit.CHECK_MESSAGE_BYTES))));
                return;
            }
            store.update(submission.grading());
            Grade grade = grader.gradeWithTrace(exercise.get(), submission.files());
            store.saveTrace(submission.id(), writeTrace(grade.trace()));
            store.update(submission.graded(grade.checks()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Grading submission %s failed", submission.id());
            store.update(submission.failed(Message.of("submission.gradingFailed", "reason",
                    MessageLimit.cut(String.valueOf(e.getMessage()), MessageLimit.CHECK_MESSAGE_BYTES))));
        }
    }
}
