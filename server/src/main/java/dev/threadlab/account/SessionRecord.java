package dev.threadlab.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A browser's log-in. Only the SHA-256 of the cookie's secret is kept, so a copy of the database logs no one in. */
@Entity
@Table(name = "user_session")
public class SessionRecord {
    @Id
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
