package dev.threadlab.submission;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Batch grading for scripts: every folder of the zip becomes a submission graded through the same queue and
 * sandboxes as a learner's. The batch and its items are stored before grading starts, so a restart loses none.
 */
@ApplicationScoped
public class Batches {

    /** One folder's result. */
    public record Item(String folder, String submissionId, SubmissionStatus status, Integer score, int maxScore,
            String message) {
    }

    /** A batch's progress and every result so far. */
    public record Progress(String id, String exerciseId, Instant createdAt, int total, int done, boolean finished,
            List<Item> results) {
    }

    private final Database database;
    private final ExerciseRepository exercises;
    private final SubmissionService submissions;

    Batches(Database database, ExerciseRepository exercises, SubmissionService submissions) {
        this.database = database;
        this.exercises = exercises;
        this.submissions = submissions;
    }

    @Transactional
    public String start(String exerciseId, String ownerId, byte[] zip) {
        Exercise exercise = exercises.require(exerciseId);
        Map<String, Map<String, String>> folders = BatchZip.read(zip);
        BatchRow batch = new BatchRow();
        batch.id = UUID.randomUUID().toString();
        batch.exerciseId = exerciseId;
        batch.ownerId = ownerId;
        batch.createdAt = Instant.now();
        database.session().persist(batch);
        folders.forEach((folder, files) -> {
            Submission submission = submissions.submitFor(exercise, files, BatchOwner.PREFIX + UUID.randomUUID());
            BatchItemRow item = new BatchItemRow();
            item.key = new BatchItemRow.Key(batch.id, folder);
            item.submissionId = submission.id();
            database.session().persist(item);
        });
        return batch.id;
    }

    /** The batch of this owner (admins see all); anyone else's is empty, as if it did not exist. */
    @Transactional
    public Optional<Progress> progress(String id, String viewerId, boolean admin) {
        BatchRow batch = database.session().find(BatchRow.class, id);
        if (batch == null || !admin && !batch.ownerId.equals(viewerId)) {
            return Optional.empty();
        }
        List<Item> items = database.session()
                .createSelectionQuery("from BatchItemRow where key.batchId = :id order by key.folder", BatchItemRow.class)
                .setParameter("id", id).getResultList().stream().map(this::item).toList();
        int done = (int) items.stream().filter(i -> i.status() == SubmissionStatus.GRADED
                || i.status() == SubmissionStatus.ERROR).count();
        return Optional.of(new Progress(batch.id, batch.exerciseId, batch.createdAt, items.size(), done,
                done == items.size(), items));
    }

    private Item item(BatchItemRow row) {
        Submission s = submissions.find(row.submissionId).orElseThrow();
        return new Item(row.key.folder(), s.id(), s.status(), s.score(), s.maxScore(), s.englishMessage());
    }
}
