package dev.threadlab.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive lane: runs waiting for a sandbox slot, one line per learner, served in turns. A learner who queued
 * 100 runs gets one slot, then everyone else who waits gets one, and so on. Within one learner's line the order is
 * FIFO. Not thread-safe: {@link LaneQueue} serialises access.
 */
final class FairRunQueue {
    /** Learners in the order of their next turn; a learner leaves the rotation when their line is empty. */
    private final Map<String, Deque<InteractiveJob>> lines = new LinkedHashMap<>();

    void add(InteractiveJob job) {
        lines.computeIfAbsent(learner(job.run()), learner -> new ArrayDeque<>()).addLast(job);
        renumber();
    }

    /** The next run whose turn it is, taken out of the queue; null when nothing waits. */
    InteractiveJob poll() {
        Iterator<Map.Entry<String, Deque<InteractiveJob>>> first = lines.entrySet().iterator();
        if (!first.hasNext()) {
            return null;
        }
        Map.Entry<String, Deque<InteractiveJob>> turn = first.next();
        InteractiveJob job = turn.getValue().removeFirst();
        first.remove();
        if (!turn.getValue().isEmpty()) {
            lines.put(turn.getKey(), turn.getValue()); // to the back of the rotation
        }
        renumber();
        return job;
    }

    /** False if the run was not waiting (already taken). */
    boolean remove(Run run) {
        Deque<InteractiveJob> line = lines.get(learner(run));
        if (line == null || !line.removeIf(job -> job.run() == run)) {
            return false;
        }
        if (line.isEmpty()) {
            lines.remove(learner(run));
        }
        renumber();
        return true;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    int size() {
        return lines.values().stream().mapToInt(Deque::size).sum();
    }

    /** Empties the lane (the server stops) and returns what waited. */
    List<InteractiveJob> drain() {
        List<InteractiveJob> waiting = new ArrayList<>();
        lines.values().forEach(waiting::addAll);
        lines.clear();
        return waiting;
    }

    private static String learner(Run run) {
        return run.client().learner();
    }

    /** Tells every waiting run how many runs of this lane start before it (1 = next), following the turns. */
    private void renumber() {
        List<Iterator<InteractiveJob>> turns = new ArrayList<>();
        lines.values().forEach(line -> turns.add(line.iterator()));
        int position = 0;
        while (!turns.isEmpty()) {
            for (Iterator<Iterator<InteractiveJob>> turn = turns.iterator(); turn.hasNext(); ) {
                Iterator<InteractiveJob> line = turn.next();
                if (line.hasNext()) {
                    line.next().run().queued(++position);
                } else {
                    turn.remove();
                }
            }
        }
    }
}
