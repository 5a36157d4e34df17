package dev.threadlab.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Submissions in a SQL database (H2 by default), with the files and check results as JSON columns. */
@Singleton
public class JdbcSubmissionStore implements SubmissionStore {
    private static final String COLUMNS =
            "id, exercise_id, learner_id, created_at, status, files, score, max_score, checks, message, graded_at";
    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() { };
    private static final TypeReference<List<CheckResult>> CHECKS = new TypeReference<>() { };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public JdbcSubmissionStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public void insert(Submission s) {
        execute("INSERT INTO submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, s.id());
            statement.setString(2, s.exerciseId());
            statement.setString(3, s.learnerId());
            statement.setTimestamp(4, Timestamp.from(s.createdAt()));
            statement.setString(5, s.status().name());
            statement.setString(6, write(s.files()));
            setResult(statement, 7, s);
        });
    }

    @Override
    public void update(Submission s) {
        execute("UPDATE submission SET score = ?, max_score = ?, checks = ?, message = ?, graded_at = ?, status = ?"
                + " WHERE id = ?", statement -> {
                    setResult(statement, 1, s);
                    statement.setString(6, s.status().name());
                    statement.setString(7, s.id());
                });
    }

    /** score, max_score, checks, message, graded_at from {@code first} on. */
    private void setResult(PreparedStatement statement, int first, Submission s) throws SQLException {
        statement.setObject(first, s.score());
        statement.setInt(first + 1, s.maxScore());
        statement.setString(first + 2, write(s.checks()));
        statement.setString(first + 3, s.message());
        statement.setTimestamp(first + 4, s.gradedAt() == null ? null : Timestamp.from(s.gradedAt()));
    }

    @Override
    public Optional<Submission> find(String id) {
        return query("SELECT " + COLUMNS + " FROM submission WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<Submission> ofLearner(String exerciseId, String learnerId) {
        return query("SELECT " + COLUMNS + " FROM submission WHERE exercise_id = ? AND learner_id = ?"
                + " ORDER BY created_at DESC, id", exerciseId, learnerId);
    }

    @Override
    public List<Submission> unfinished() {
        return query("SELECT " + COLUMNS + " FROM submission WHERE status IN ('QUEUED', 'GRADING') ORDER BY created_at");
    }

    private List<Submission> query(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Submission> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(read(rows));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Submissions cannot be read: " + e.getMessage(), e);
        }
    }

    private Submission read(ResultSet row) throws SQLException {
        Timestamp graded = row.getTimestamp("graded_at");
        String checks = row.getString("checks");
        return new Submission(row.getString("id"), row.getString("exercise_id"), row.getString("learner_id"),
                row.getTimestamp("created_at").toInstant(), SubmissionStatus.valueOf(row.getString("status")),
                read(row.getString("files"), FILES), (Integer) row.getObject("score", Integer.class),
                row.getInt("max_score"), checks == null ? List.of() : read(checks, CHECKS), row.getString("message"),
                graded == null ? null : graded.toInstant());
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Submission cannot be stored: " + e.getMessage(), e);
        }
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
}
