package dev.threadlab.submission;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Regrades started since the server started, newest kept. Their submissions are stored as QUEUED, so a restart
 * finishes them through the ordinary resume; only this progress counter is lost.
 */
final class Regrades {
    private static final int KEPT = 200;
    private final Map<String, Regrade> byId = new LinkedHashMap<>();

    synchronized Regrade start(String exerciseId, int total) {
        Regrade regrade = new Regrade(UUID.randomUUID().toString(), exerciseId, Instant.now(), total);
        byId.put(regrade.progress().id(), regrade);
        if (byId.size() > KEPT) {
            byId.remove(byId.keySet().iterator().next());
        }
        return regrade;
    }

    synchronized Optional<Regrade> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
