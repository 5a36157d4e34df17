package dev.threadlab.run;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts what is open under pairs of keys (a learner and an address, a run and an address) and takes one more only
 * if neither key is at its limit; both counts move together. The one mechanism behind run and submission admission
 * and the WebSocket quota.
 */
final class PairedLimits {
    /** Which key of a pair was at its limit. */
    enum Full { NEITHER, FIRST, SECOND }

    private final Map<String, Integer> open = new HashMap<>();

    /** Counts one more under both keys, unless one of them is full (then nothing is counted). */
    synchronized Full take(String first, int firstLimit, String second, int secondLimit) {
        if (open.getOrDefault(first, 0) >= firstLimit) {
            return Full.FIRST;
        }
        if (open.getOrDefault(second, 0) >= secondLimit) {
            return Full.SECOND;
        }
        open.merge(first, 1, Integer::sum);
        open.merge(second, 1, Integer::sum);
        return Full.NEITHER;
    }

    /** Gives back what one {@link #take} counted. */
    synchronized void give(String first, String second) {
        open.computeIfPresent(first, (key, n) -> n > 1 ? n - 1 : null);
        open.computeIfPresent(second, (key, n) -> n > 1 ? n - 1 : null);
    }
}
