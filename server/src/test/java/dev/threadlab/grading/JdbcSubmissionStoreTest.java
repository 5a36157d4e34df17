package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real H2 file database migrated by the real Flyway scripts; "restart" means opening the file again. */
class JdbcSubmissionStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void submissionsAndResultsSurviveReopeningTheDatabase() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Submission queued = new Submission("s-1", "lost-update", "learner-a", created, SubmissionStatus.QUEUED,
                Map.of("Main.java", "class Main {}"), null, 7, List.of(), null, null);
        SubmissionStore first = open();
        first.insert(queued);
        first.insert(new Submission("s-2", "lost-update", "learner-b", created, SubmissionStatus.QUEUED,
                Map.of("Main.java", "x"), null, 7, List.of(), null, null));
        assertEquals(List.of("s-1", "s-2"), first.unfinished().stream().map(Submission::id).toList());
        first.update(queued.grading().graded(List.of(
                new CheckResult("Four threads", false, 0, 4, "deposits were lost"),
                new CheckResult("Output", true, 2, 2, null))));

        SubmissionStore reopened = open();
        Submission graded = reopened.find("s-1").orElseThrow();
        assertEquals(SubmissionStatus.GRADED, graded.status());
        assertEquals(2, graded.score());
        assertEquals(7, graded.maxScore());
        assertEquals(created, graded.createdAt());
        assertEquals(Map.of("Main.java", "class Main {}"), graded.files());
        assertEquals("deposits were lost", graded.checks().get(0).message());
        assertTrue(graded.gradedAt() != null);
        assertEquals(List.of("s-1"), reopened.ofLearner("lost-update", "learner-a").stream().map(Submission::id).toList());
        assertEquals(List.of("s-2"), reopened.unfinished().stream().map(Submission::id).toList());
    }

    private SubmissionStore open() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("threadlab"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcSubmissionStore(dataSource, new ObjectMapper());
    }
}
