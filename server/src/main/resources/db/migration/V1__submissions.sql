CREATE TABLE submission (
    id          VARCHAR(36)  PRIMARY KEY,
    exercise_id VARCHAR(100) NOT NULL,
    learner_id  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    files       CLOB         NOT NULL,
    score       INT,
    max_score   INT          NOT NULL,
    checks      CLOB,
    message     VARCHAR(2000),
    graded_at   TIMESTAMP
);
CREATE INDEX submission_by_learner ON submission (exercise_id, learner_id, created_at);
CREATE INDEX submission_by_status ON submission (status);
