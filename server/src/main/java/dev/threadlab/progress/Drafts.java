package dev.threadlab.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drafts on the server, one per learner and example or exercise. Saves carry the version they started from; the last
 * write wins, and a save that started from an older version is told that it replaced another tab's work.
 */
@ApplicationScoped
public class Drafts {
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9:._-]{1,200}");
    static final int MAX_FILES = 20;
    static final int MAX_BYTES = 256 * 1024;
    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() { };

    /** A draft as the API shows it. */
    public record Draft(String key, Map<String, String> files, long version, Instant updatedAt) {
    }

    /** What a save did: the new version, and whether it replaced a version this tab had not seen. */
    public record Saved(long version, boolean replacedNewer, Instant updatedAt) {
    }

    private final Database database;
    private final ObjectMapper json;

    Drafts(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Transactional
    public Optional<Draft> find(String ownerId, String key) {
        return Optional.ofNullable(database.session().find(DraftRow.class, new DraftRow.Key(ownerId, checkKey(key))))
                .map(this::toDraft);
    }

    @Transactional
    public List<Draft> all(String ownerId) {
        return database.session().createSelectionQuery("from DraftRow where key.ownerId = :owner order by updatedAt desc",
                DraftRow.class).setParameter("owner", ownerId).getResultList().stream().map(this::toDraft).toList();
    }

    @Transactional
    public Saved save(String ownerId, String key, Map<String, String> files, Long baseVersion) {
        String text = checkFiles(files);
        DraftRow row = database.session().find(DraftRow.class, new DraftRow.Key(ownerId, checkKey(key)));
        boolean replacedNewer = row != null && baseVersion != null && baseVersion < row.version;
        boolean created = row == null;
        if (created) {
            row = new DraftRow();
            row.key = new DraftRow.Key(ownerId, key);
        }
        row.files = text;
        row.version = row.version + 1;
        row.updatedAt = Instant.now();
        if (created) {
            database.session().persist(row);
        }
        return new Saved(row.version, replacedNewer, row.updatedAt);
    }

    private static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidDraftException("A draft's key has 1 to 200 letters, digits, ':', '.', '_' or '-'.");
        }
        return key;
    }

    private String checkFiles(Map<String, String> files) {
        if (files == null || files.isEmpty() || files.size() > MAX_FILES
                || files.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidDraftException("Send {\"files\": {\"Main.java\": \"...\"}} with 1 to " + MAX_FILES
                    + " files.");
        }
        try {
            String text = json.writeValueAsString(files);
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw new InvalidDraftException("A draft may hold at most " + MAX_BYTES / 1024 + " KB of code.");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Draft toDraft(DraftRow row) {
        try {
            return new Draft(row.key.draftKey(), json.readValue(row.files, FILES), row.version, row.updatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored draft is unreadable: " + e.getMessage(), e);
        }
    }
}
