package dev.threadlab.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A person with an account. The name is kept as typed; uniqueness ignores case through {@link #usernameKey}. */
@Entity
@Table(name = "app_user")
public class UserAccount {
    @Id
    public String id;
    @Column(nullable = false)
    public String username;
    @Column(name = "username_key", nullable = false, unique = true)
    public String usernameKey;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    public static String keyOf(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
