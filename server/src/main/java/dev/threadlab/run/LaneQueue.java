package dev.threadlab.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Jobs waiting for one of the run slots, in two lanes: interactive runs (learners take turns, {@link FairRunQueue})
 * and graded runs (FIFO). A free slot goes to the only lane that waits; when both wait:
 * <ul>
 * <li>turns alternate, so neither lane can starve the other: a learner who presses Run behind a pile of graded runs
 * starts at the next free slot (or the one after, if the last start already was interactive), and a stream of
 * interactive runs still lets grading through every other slot;</li>
 * <li>and graded runs never hold more than {@code slots - 1} slots while runs wait (at least one with one slot), so
 * the slot that frees when an interactive run ends is not handed to grading while its learners wait.</li>
 * </ul>
 * Alternation was chosen over a fixed share because the load is bursty: a lane nobody uses lends all its slots to
 * the other, and gets them back one slot turn after it has work again.
 */
final class LaneQueue {
    private final int gradingCap;
    private final FairRunQueue interactive = new FairRunQueue();
    private final Deque<SandboxJob> grading = new ArrayDeque<>();
    private final Map<Lane, Integer> held = new EnumMap<>(Lane.class);
    private Lane lastStarted;
    private boolean closed;

    LaneQueue(int slots) {
        this.gradingCap = Math.max(1, slots - 1);
    }

    synchronized void add(InteractiveJob job) {
        interactive.add(job);
        notifyAll();
    }

    synchronized void add(SandboxJob job) {
        if (job.lane() != Lane.GRADING) {
            throw new IllegalArgumentException("interactive runs go through add(InteractiveJob)");
        }
        grading.addLast(job);
        notifyAll();
    }

    /** False when the run is not waiting (it already has a slot, or never queued). */
    synchronized boolean remove(Run run) {
        return interactive.remove(run);
    }

    synchronized boolean remove(SandboxJob job) {
        return grading.remove(job);
    }

    /** Waits for the next job and counts it against its lane until {@link #done}; null once closed. */
    synchronized SandboxJob take() throws InterruptedException {
        Lane lane;
        while ((lane = nextLane()) == null) {
            if (closed) {
                return null;
            }
            wait();
        }
        held.merge(lane, 1, Integer::sum);
        lastStarted = lane;
        return lane == Lane.INTERACTIVE ? interactive.poll() : grading.removeFirst();
    }

    /** The job taken from this lane has finished its pipeline: its slot is free. */
    synchronized void done(Lane lane) {
        held.merge(lane, -1, Integer::sum);
        notifyAll();
    }

    /** The server stops: workers stop waiting; what still waited is returned to be dropped. */
    synchronized List<SandboxJob> close() {
        closed = true;
        List<SandboxJob> waiting = new ArrayList<>(interactive.drain());
        waiting.addAll(grading);
        grading.clear();
        notifyAll();
        return waiting;
    }

    synchronized int waiting(Lane lane) {
        return lane == Lane.INTERACTIVE ? interactive.size() : grading.size();
    }

    private Lane nextLane() {
        if (closed) {
            return null;
        }
        boolean runsWait = !interactive.isEmpty();
        boolean gradedWait = !grading.isEmpty();
        if (!runsWait || !gradedWait) {
            return runsWait ? Lane.INTERACTIVE : gradedWait ? Lane.GRADING : null;
        }
        if (lastStarted == Lane.GRADING || held.getOrDefault(Lane.GRADING, 0) >= gradingCap) {
            return Lane.INTERACTIVE;
        }
        return Lane.GRADING;
    }
}
