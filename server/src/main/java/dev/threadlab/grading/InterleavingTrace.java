package dev.threadlab.grading;

import dev.threadlab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The steps of a schedule that broke a check, as a trace the timeline draws like a run's: one lane per thread, each
 * step a running slice of {@link #STEP_MICROS} on the lane of the thread the scheduler let go on (what it did and where
 * as the slice's {@code message}), the others ready meanwhile. Time on this trace counts steps, not microseconds the program
 * took: the scheduler decided the order, and the order is what broke the code.
 */
public final class InterleavingTrace {
    /** One step drawn as a millisecond, so that steps are wide enough to hover at the timeline's default zoom. */
    static final long STEP_MICROS = 1000;
    private static final long PID = 1;

    private InterleavingTrace() {
    }

    /** The trace of a failed schedule check's interleaving; {@code deadlock} ends it with every thread stuck. */
    public static List<TraceEvent> of(CheckResult result) {
        List<InterleavingStep> steps = result.interleaving() == null ? List.of() : result.interleaving();
        List<TraceEvent> events = new ArrayList<>();
        events.add(TraceEvent.process(0, PID, title(result)));
        Map<String, Long> tids = new LinkedHashMap<>();
        String running = null;
        long t = 0;
        for (InterleavingStep step : steps) {
            t = (step.step() - steps.get(0).step()) * STEP_MICROS;
            Long known = tids.get(step.thread());
            long tid = known != null ? known : tids.size() + 1;
            if (known == null) {
                tids.put(step.thread(), tid);
                events.add(TraceEvent.thread(t, PID, tid, step.thread()));
            }
            if (running != null && !running.equals(step.thread())) {
                events.add(TraceEvent.state(t, PID, tids.get(running), "ready", null, null));
            }
            events.add(TraceEvent.step(t, PID, tid, describe(step)));
            running = step.thread();
        }
        long end = t + STEP_MICROS;
        if ("grading.scheduleDeadlock".equals(result.messageKey())) {
            tids.values().forEach(tid -> events.add(TraceEvent.state(end, PID, tid, "blocked", null, null)));
            events.add(TraceEvent.deadlock(end, PID, result.message()));
        } else {
            tids.values().forEach(tid -> events.add(TraceEvent.threadEnd(end, PID, tid)));
        }
        return events;
    }

    /** "12 · lock · ConcurrentHashMap.putVal · SeatMap.book(SeatMap.java:14)": the step, its kind, call and place. */
    static String describe(InterleavingStep step) {
        StringBuilder text = new StringBuilder().append(step.step()).append(" · ")
                .append(step.kind().name().toLowerCase(Locale.ROOT));
        if (!step.call().isEmpty()) {
            text.append(" · ").append(step.call());
        }
        if (!step.at().isEmpty()) {
            text.append(" · ").append(step.at());
        }
        return text.toString();
    }

    private static String title(CheckResult result) {
        Object schedule = result.args() == null ? null : result.args().get("schedule");
        Object schedules = result.args() == null ? null : result.args().get("schedules");
        return schedule == null ? "the failing schedule" : "schedule " + schedule + " of " + schedules;
    }
}
