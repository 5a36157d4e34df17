package dev.threadlab.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.grading.CheckResult;
import dev.threadlab.message.Message;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The store against the real database the test profile uses (H2; PostgreSQL in the postgresql execution). */
@QuarkusTest
@Tag("persistence")
class SubmissionStoreTest {

    @Inject
    SubmissionStore store;

    @Test
    void resultsHistoryTraceAndOwnershipAreKept() {
        String learner = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Submission queued = new Submission(UUID.randomUUID().toString(), "lost-update", learner, created,
                SubmissionStatus.QUEUED, Map.of("Main.java", "class Main {}"), null, 7, List.of(), null, null);
        store.insert(queued);
        store.insert(new Submission(UUID.randomUUID().toString(), "lost-update", other, created.plusMillis(5),
                SubmissionStatus.QUEUED, Map.of("Main.java", "x"), null, 7, List.of(), null, null));
        assertTrue(store.unfinished().stream().anyMatch(s -> s.id().equals(queued.id())));

        Submission graded = queued.grading().graded(List.of(
                new CheckResult("four-threads", "Four threads", false, 0, 4, "deposits were lost", "grading.inRun",
                        Map.of("run", 2, "problem", new Message("grading.testFailed", Map.of("detail", "lost")))),
                new CheckResult("output", "Output", true, 2, 2, null, null, null)));
        store.update(graded);
        store.saveTrace(queued.id(), "[{\"kind\":\"meta\",\"t\":0}]");

        Submission read = store.find(queued.id()).orElseThrow();
        assertEquals(SubmissionStatus.GRADED, read.status());
        assertEquals(2, read.score());
        assertEquals(created, read.createdAt());
        assertEquals(Map.of("Main.java", "class Main {}"), read.files());
        assertEquals("deposits were lost", read.checks().get(0).message());
        assertEquals("grading.inRun", read.checks().get(0).messageKey());
        assertEquals(Map.of("run", 2, "problem", Map.of("messageKey", "grading.testFailed", "args", Map.of("detail", "lost"))),
                read.checks().get(0).args(), "a nested message is stored as its key and arguments");
        assertEquals("[{\"kind\":\"meta\",\"t\":0}]", store.trace(queued.id()).orElseThrow());
        assertTrue(store.unfinished().stream().noneMatch(s -> s.id().equals(queued.id())));

        store.keepHistory(read);
        store.update(read.requeued());
        assertEquals(List.of(2), store.history(queued.id()).stream().map(Submission::score).toList());
        assertEquals(List.of(queued.id()), store.latestPerLearner("lost-update").stream()
                .filter(s -> s.learnerId().equals(learner)).map(Submission::id).toList());

        String account = UUID.randomUUID().toString();
        assertEquals(1, store.reassign(learner, account));
        assertEquals(List.of(queued.id()), store.ofLearner("lost-update", account).stream().map(Submission::id).toList());
        assertEquals(List.of(), store.ofLearner("lost-update", learner));
        assertEquals(1, store.ofLearners(List.of(account)).size());
    }

    /** Why a submission could not be graded is kept as its key and arguments, the English text beside them. */
    @Test
    void aFailureIsKeptAsAMessageInItsHistoryToo() {
        Submission queued = new Submission(UUID.randomUUID().toString(), "lost-update", UUID.randomUUID().toString(),
                Instant.now(), SubmissionStatus.QUEUED, Map.of("Main.java", "class Main {}"), null, 7, List.of(), null,
                null);
        store.insert(queued);
        Submission failed = queued.failed(Message.of("submission.sandboxDown", "reason", "the engine is gone"));
        store.update(failed);
        Submission read = store.find(queued.id()).orElseThrow();
        assertEquals(SubmissionStatus.ERROR, read.status());
        assertEquals(Message.of("submission.sandboxDown", "reason", "the engine is gone"), read.message());
        assertEquals("Programs cannot run right now: the engine is gone", read.englishMessage());
        store.keepHistory(read);
        assertEquals(List.of("submission.sandboxDown"),
                store.history(queued.id()).stream().map(s -> s.message().key()).toList());
    }
}
