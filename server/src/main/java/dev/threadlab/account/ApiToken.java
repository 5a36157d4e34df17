package dev.threadlab.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A script's credential. The secret is shown once; only its SHA-256 is kept. */
@Entity
@Table(name = "api_token")
public class ApiToken {
    @Id
    public String id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(nullable = false)
    public String name;
    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
