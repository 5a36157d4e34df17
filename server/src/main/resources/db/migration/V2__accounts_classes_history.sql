-- Accounts, classes, drafts, run history and grade history. Written once for both H2 and PostgreSQL:
-- TEXT, BOOLEAN, BIGINT and TIMESTAMP WITH TIME ZONE mean the same on both.

CREATE TABLE app_user (
    id            VARCHAR(36)  PRIMARY KEY,
    username      VARCHAR(40)  NOT NULL,
    username_key  VARCHAR(40)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_role (
    user_id VARCHAR(36) NOT NULL REFERENCES app_user (id),
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_session (
    secret_hash VARCHAR(64) PRIMARY KEY,
    user_id     VARCHAR(36) NOT NULL REFERENCES app_user (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_token (
    id           VARCHAR(36)  PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES app_user (id),
    name         VARCHAR(100) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE draft (
    owner_id   VARCHAR(64)  NOT NULL,
    draft_key  VARCHAR(200) NOT NULL,
    files      TEXT         NOT NULL,
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_id, draft_key)
);

CREATE TABLE run_record (
    id          VARCHAR(36) PRIMARY KEY,
    owner_id    VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    source_key  VARCHAR(200),
    files       TEXT        NOT NULL,
    status      VARCHAR(24) NOT NULL,
    exit_code   INT,
    output      TEXT,
    trace       TEXT
);
CREATE INDEX run_record_by_owner ON run_record (owner_id, created_at);

CREATE TABLE lesson_visit (
    owner_id        VARCHAR(64)  NOT NULL,
    lesson_id       VARCHAR(100) NOT NULL,
    first_opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_id, lesson_id)
);

CREATE TABLE class_group (
    id         VARCHAR(36)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    join_code  VARCHAR(16)  NOT NULL UNIQUE,
    owner_id   VARCHAR(36)  NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE class_member (
    class_id  VARCHAR(36) NOT NULL REFERENCES class_group (id),
    user_id   VARCHAR(36) NOT NULL REFERENCES app_user (id),
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (class_id, user_id)
);

CREATE TABLE class_deadline (
    class_id     VARCHAR(36)  NOT NULL REFERENCES class_group (id),
    exercise_id  VARCHAR(100) NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    late_until   TIMESTAMP WITH TIME ZONE,
    late_percent INT          NOT NULL,
    PRIMARY KEY (class_id, exercise_id)
);

-- A regrade keeps what it replaced.
CREATE TABLE grade_history (
    id            VARCHAR(36) PRIMARY KEY,
    submission_id VARCHAR(36) NOT NULL REFERENCES submission (id),
    status        VARCHAR(16) NOT NULL,
    score         INT,
    max_score     INT         NOT NULL,
    checks        TEXT,
    message       VARCHAR(2000),
    graded_at     TIMESTAMP WITH TIME ZONE,
    replaced_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE batch (
    id          VARCHAR(36)  PRIMARY KEY,
    exercise_id VARCHAR(100) NOT NULL,
    owner_id    VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE batch_item (
    batch_id      VARCHAR(36)  NOT NULL REFERENCES batch (id),
    folder        VARCHAR(200) NOT NULL,
    submission_id VARCHAR(36)  NOT NULL REFERENCES submission (id),
    PRIMARY KEY (batch_id, folder)
);

ALTER TABLE submission ADD COLUMN trace TEXT;
ALTER TABLE submission ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE submission ALTER COLUMN graded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
