package dev.threadlab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.store.Database;
import dev.threadlab.trace.TraceEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Each signed-in learner's last {@value #KEPT} runs, so that a reload or another device shows them. Output and trace
 * are kept within budgets (a run may print megabytes); a trace over its budget is dropped rather than cut, since a
 * cut trace would draw a wrong schedule.
 */
@ApplicationScoped
public class RunHistory {
    static final int KEPT = 50;
    static final int OUTPUT_CHARS = 64 * 1024;
    static final int TRACE_CHARS = 1024 * 1024;

    /** One kept run as the API lists it; files, output and trace only in the single view. */
    public record Entry(String id, Instant createdAt, Instant finishedAt, String mainClass, RunStatus status,
            Integer exitCode, Map<String, String> files, String output, List<TraceEvent> trace) {
    }

    private final Database database;
    private final ObjectMapper json;

    RunHistory(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Transactional
    void record(Run run) {
        RunView view = run.view();
        RunRecord record = new RunRecord();
        record.id = run.id();
        record.ownerId = run.historyOwner();
        record.finishedAt = Instant.now();
        record.createdAt = view.durationMs() == null ? record.finishedAt
                : record.finishedAt.minusMillis(view.durationMs());
        record.sourceKey = run.request().mainClass();
        record.files = write(run.request().files());
        record.status = view.status();
        record.exitCode = view.exitCode();
        record.output = cut(view.stdout() + view.stderr());
        String trace = run.traced() ? write(run.traceEvents()) : null;
        record.trace = trace != null && trace.length() <= TRACE_CHARS ? trace : null;
        session().persist(record);
        forgetBeyondKept(record.ownerId);
    }

    @Transactional
    public List<Entry> list(String ownerId) {
        return session().createSelectionQuery("from RunRecord where ownerId = :owner order by createdAt desc",
                RunRecord.class).setParameter("owner", ownerId).setMaxResults(KEPT).getResultList().stream()
                .map(r -> new Entry(r.id, r.createdAt, r.finishedAt, r.sourceKey, r.status, r.exitCode, null, null,
                        null)).toList();
    }

    /** One run of this owner's; another learner's run is empty, as if it did not exist. */
    @Transactional
    public Optional<Entry> find(String ownerId, String id) {
        RunRecord r = session().find(RunRecord.class, id);
        if (r == null || !r.ownerId.equals(ownerId)) {
            return Optional.empty();
        }
        return Optional.of(new Entry(r.id, r.createdAt, r.finishedAt, r.sourceKey, r.status, r.exitCode,
                read(r.files, Map.class), r.output, r.trace == null ? List.of() : List.of(read(r.trace,
                        TraceEvent[].class))));
    }

    private void forgetBeyondKept(String ownerId) {
        List<String> old = session().createSelectionQuery("select id from RunRecord where ownerId = :owner"
                + " order by createdAt desc", String.class).setParameter("owner", ownerId).setFirstResult(KEPT)
                .getResultList();
        if (!old.isEmpty()) {
            session().createMutationQuery("delete from RunRecord where id in :ids").setParameter("ids", old)
                    .executeUpdate();
        }
    }

    private static String cut(String output) {
        return output.length() <= OUTPUT_CHARS ? output
                : output.substring(0, OUTPUT_CHARS) + "\n[output cut at " + OUTPUT_CHARS + " characters]\n";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept run is unreadable: " + e.getMessage(), e);
        }
    }

    private Session session() {
        return database.session();
    }
}
