package dev.threadlab.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A finished run kept in a signed-in learner's history: files, how it ended, its output and its trace (JSON). */
@Entity
@Table(name = "run_record")
public class RunRecord {
    @Id
    public String id;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The main class that ran. */
    @Column(name = "source_key")
    public String sourceKey;
    @Column(nullable = false)
    public String files;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;
    @Column(name = "exit_code")
    public Integer exitCode;
    public String output;
    public String trace;
}
