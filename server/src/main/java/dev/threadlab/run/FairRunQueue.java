package dev.threadlab.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs waiting for a sandbox slot, one line per learner, served in turns: a learner who queued 100 runs gets one
 * slot, then everyone else who waits gets one, and so on. Within one learner's line the order is FIFO.
 */
final class FairRunQueue {
    /** Learners in the order of their next turn; a learner leaves the rotation when their line is empty. */
    private final Map<String, Deque<Run>> lines = new LinkedHashMap<>();
    private boolean closed;

    synchronized void add(Run run) {
        lines.computeIfAbsent(run.client().learner(), learner -> new ArrayDeque<>()).addLast(run);
        renumber();
        notifyAll();
    }

    /** Waits for the next run whose turn it is and takes it out of the queue; null once closed and empty. */
    synchronized Run take() throws InterruptedException {
        while (lines.isEmpty()) {
            if (closed) {
                return null;
            }
            wait();
        }
        Iterator<Map.Entry<String, Deque<Run>>> first = lines.entrySet().iterator();
        Map.Entry<String, Deque<Run>> turn = first.next();
        Run run = turn.getValue().removeFirst();
        first.remove();
        if (!turn.getValue().isEmpty()) {
            lines.put(turn.getKey(), turn.getValue()); // to the back of the rotation
        }
        renumber();
        return run;
    }

    /** False if the run was not waiting (already taken). */
    synchronized boolean remove(Run run) {
        Deque<Run> line = lines.get(run.client().learner());
        if (line == null || !line.remove(run)) {
            return false;
        }
        if (line.isEmpty()) {
            lines.remove(run.client().learner());
        }
        renumber();
        return true;
    }

    /** The server stops: workers finish what they have and then stop waiting. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized int size() {
        return lines.values().stream().mapToInt(Deque::size).sum();
    }

    /** Tells every waiting run how many runs start before it (1 = next), following the turns. */
    private void renumber() {
        List<Iterator<Run>> turns = new ArrayList<>();
        lines.values().forEach(line -> turns.add(line.iterator()));
        int position = 0;
        while (!turns.isEmpty()) {
            for (Iterator<Iterator<Run>> turn = turns.iterator(); turn.hasNext(); ) {
                Iterator<Run> line = turn.next();
                if (line.hasNext()) {
                    line.next().queued(++position);
                } else {
                    turn.remove();
                }
            }
        }
    }
}
