package dev.threadlab.run;

import java.util.HashMap;
import java.util.Map;

/** Counts open run sockets per run and per address, and refuses one beyond either limit. */
final class SocketQuota {
    private final int perRun;
    private final int perAddress;
    private final Map<String, Integer> open = new HashMap<>();

    SocketQuota(int perRun, int perAddress) {
        this.perRun = perRun;
        this.perAddress = perAddress;
    }

    /** Why the socket is refused, or null when it is counted as open (then {@link #release} it once). */
    synchronized String open(String runId, String address) {
        if (open.getOrDefault("run " + runId, 0) >= perRun) {
            return "too many watchers of this run (" + perRun + ")";
        }
        if (open.getOrDefault("address " + address, 0) >= perAddress) {
            return "too many sockets from your address (" + perAddress + ")";
        }
        open.merge("run " + runId, 1, Integer::sum);
        open.merge("address " + address, 1, Integer::sum);
        return null;
    }

    synchronized void release(String runId, String address) {
        open.computeIfPresent("run " + runId, (key, n) -> n > 1 ? n - 1 : null);
        open.computeIfPresent("address " + address, (key, n) -> n > 1 ? n - 1 : null);
    }
}
