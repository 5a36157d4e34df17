package dev.threadlab.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.grading.CheckResult;
import dev.threadlab.message.Message;
import dev.threadlab.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Submissions in the active database, each write its own transaction so that a crash loses at most the one in hand. */
@ApplicationScoped
public class HibernateSubmissionStore implements SubmissionStore {
    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() { };
    private static final TypeReference<List<CheckResult>> CHECKS = new TypeReference<>() { };
    private static final TypeReference<Message> MESSAGE = new TypeReference<>() { };
    /** The length of the message column (V1, V2). */
    private static final int MESSAGE_COLUMN = 2000;

    private final Database database;
    private final ObjectMapper json;

    HibernateSubmissionStore(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    @Transactional
    public void insert(Submission submission) {
        SubmissionRow row = new SubmissionRow();
        row.id = submission.id();
        row.exerciseId = submission.exerciseId();
        row.learnerId = submission.learnerId();
        row.createdAt = submission.createdAt();
        row.files = write(submission.files());
        setResult(row, submission);
        session().persist(row);
    }

    @Override
    @Transactional
    public void update(Submission submission) {
        SubmissionRow row = session().find(SubmissionRow.class, submission.id());
        if (row != null) {
            setResult(row, submission);
        }
    }

    @Override
    @Transactional
    public Optional<Submission> find(String id) {
        return Optional.ofNullable(session().find(SubmissionRow.class, id)).map(this::toSubmission);
    }

    @Override
    @Transactional
    public List<Submission> ofLearner(String exerciseId, String learnerId) {
        return list("from SubmissionRow where exerciseId = :exercise and learnerId = :learner"
                + " order by createdAt desc, id", Map.of("exercise", exerciseId, "learner", learnerId));
    }

    @Override
    @Transactional
    public List<Submission> ofLearners(Collection<String> learnerIds) {
        if (learnerIds.isEmpty()) {
            return List.of();
        }
        return list("from SubmissionRow where learnerId in :learners order by createdAt, id",
                Map.of("learners", learnerIds));
    }

    @Override
    @Transactional
    public List<Submission> latestPerLearner(String exerciseId) {
        return list("from SubmissionRow s where s.exerciseId = :exercise and s.createdAt = (select max(o.createdAt)"
                + " from SubmissionRow o where o.exerciseId = s.exerciseId and o.learnerId = s.learnerId)"
                + " order by s.learnerId", Map.of("exercise", exerciseId));
    }

    @Override
    @Transactional
    public List<Submission> unfinished() {
        return list("from SubmissionRow where status in :open order by createdAt",
                Map.of("open", List.of(SubmissionStatus.QUEUED, SubmissionStatus.GRADING)));
    }

    @Override
    @Transactional
    public Optional<String> trace(String id) {
        return Optional.ofNullable(session().find(SubmissionRow.class, id)).map(row -> row.trace);
    }

    @Override
    @Transactional
    public void saveTrace(String id, String traceJson) {
        SubmissionRow row = session().find(SubmissionRow.class, id);
        if (row != null) {
            row.trace = traceJson;
        }
    }

    @Override
    @Transactional
    public void keepHistory(Submission current) {
        GradeHistoryRow row = new GradeHistoryRow();
        row.id = UUID.randomUUID().toString();
        row.submissionId = current.id();
        row.status = current.status();
        row.score = current.score();
        row.maxScore = current.maxScore();
        row.checks = write(current.checks());
        row.message = englishOf(current);
        row.explanation = explanationOf(current);
        row.gradedAt = current.gradedAt();
        row.replacedAt = Instant.now();
        session().persist(row);
    }

    @Override
    @Transactional
    public List<Submission> history(String id) {
        Optional<Submission> now = find(id);
        if (now.isEmpty()) {
            return List.of();
        }
        Submission base = now.get();
        return session().createSelectionQuery("from GradeHistoryRow where submissionId = :id order by replacedAt",
                GradeHistoryRow.class).setParameter("id", id).getResultList().stream()
                .map(h -> new Submission(base.id(), base.exerciseId(), base.learnerId(), base.createdAt(), h.status,
                        base.files(), h.score, h.maxScore, readChecks(h.checks), message(h.explanation, h.message), h.gradedAt))
                .toList();
    }

    @Override
    @Transactional
    public int reassign(String fromLearnerId, String toLearnerId) {
        return session().createMutationQuery("update SubmissionRow set learnerId = :to where learnerId = :from")
                .setParameter("to", toLearnerId).setParameter("from", fromLearnerId).executeUpdate();
    }

    private List<Submission> list(String query, Map<String, Object> parameters) {
        var selection = session().createSelectionQuery(query, SubmissionRow.class);
        parameters.forEach(selection::setParameter);
        return selection.getResultList().stream().map(this::toSubmission).toList();
    }

    private void setResult(SubmissionRow row, Submission submission) {
        row.status = submission.status();
        row.score = submission.score();
        row.maxScore = submission.maxScore();
        row.checks = write(submission.checks());
        row.message = englishOf(submission);
        row.explanation = explanationOf(submission);
        row.gradedAt = submission.gradedAt();
    }

    private Submission toSubmission(SubmissionRow row) {
        return new Submission(row.id, row.exerciseId, row.learnerId, row.createdAt, row.status, read(row.files, FILES),
                row.score, row.maxScore, readChecks(row.checks), message(row.explanation, row.message), row.gradedAt);
    }

    /** The English text as the message column keeps it (2000 characters at most). */
    private static String englishOf(Submission submission) {
        String english = submission.englishMessage();
        return english == null || english.length() <= MESSAGE_COLUMN ? english : english.substring(0, MESSAGE_COLUMN);
    }

    private String explanationOf(Submission submission) {
        return submission.message() == null ? null : write(submission.message());
    }

    /** The stored message; one stored before messages had keys is shown as it was written. */
    private Message message(String explanation, String english) {
        if (explanation != null) {
            return read(explanation, MESSAGE);
        }
        return english == null ? null : Message.of("submission.storedMessage", "text", english);
    }

    private List<CheckResult> readChecks(String checks) {
        return checks == null ? List.of() : read(checks, CHECKS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored submission is unreadable: " + e.getMessage(), e);
        }
    }

    private Session session() {
        return database.session();
    }
}
