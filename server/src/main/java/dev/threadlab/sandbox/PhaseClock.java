package dev.threadlab.sandbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** When one execution reached each point, turned into the {@link RunPhase}s between them once it ended. */
final class PhaseClock {
    enum Mark { BEGUN, COMPILING, RUNNING, OUTPUT_ENDED }

    private final Map<Mark, Long> marks = new EnumMap<>(Mark.class);

    PhaseClock() {
        mark(Mark.BEGUN);
    }

    /** The first time each point is reached counts. */
    synchronized void mark(Mark mark) {
        marks.putIfAbsent(mark, System.nanoTime());
    }

    /** The phases this execution went through, up to now (the outcome is known). */
    synchronized Map<RunPhase, Duration> ended() {
        long now = System.nanoTime();
        Map<RunPhase, Duration> phases = new EnumMap<>(RunPhase.class);
        Long begun = marks.get(Mark.BEGUN);
        Long compiling = marks.get(Mark.COMPILING);
        Long running = marks.get(Mark.RUNNING);
        long outputEnded = marks.getOrDefault(Mark.OUTPUT_ENDED, now);
        if (compiling != null) {
            phases.put(RunPhase.START, between(begun, compiling));
            phases.put(RunPhase.COMPILE, between(compiling, running != null ? running : outputEnded));
        }
        if (running != null) {
            phases.put(RunPhase.RUN, between(running, outputEnded));
        }
        phases.put(RunPhase.REPORT, between(outputEnded, now));
        return phases;
    }

    private static Duration between(long from, long to) {
        return Duration.ofNanos(Math.max(0, to - from));
    }
}
