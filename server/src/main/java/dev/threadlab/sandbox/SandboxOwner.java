package dev.threadlab.sandbox;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which server a sandbox container belongs to: this host and this data directory. Only one server can use a data
 * directory at a time (the database locks it), so containers carrying this server's owner label at start-up were
 * left by its previous life (a crash, kill -9) and can be removed at once, while other servers' live runs on the
 * same engine are left alone.
 */
@Singleton
public class SandboxOwner {
    private final SandboxConfig config;
    private final String id;

    SandboxOwner(SandboxConfig config, @ConfigProperty(name = "threadlab.data-dir") Path dataDir) {
        this.config = config;
        this.id = digest(hostName() + "|" + dataDir.toAbsolutePath().normalize());
    }

    public String id() {
        return id;
    }

    /** The labels of one run's container. */
    Map<String, String> labelsFor(String runId) {
        return Map.of(config.label(), "run", config.label() + ".run", runId, ownerLabel(), id);
    }

    String ownerLabel() {
        return config.label() + ".owner";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
