package dev.threadlab.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's trace, kept within a size budget whatever the program does. Up to 70% of the budget every event is
 * kept. After that a thread keeps at most one state change per coarse interval, and past 95% state changes are left
 * out altogether; each step adds a note to the trace saying so. Processes and threads appearing and ending are
 * always kept while the budget allows. Not thread-safe: the owning run serialises access.
 */
public final class TraceLog {
    private final long maxBytes;
    private final long coarseMicros;
    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<Long, Long> lastKeptState = new HashMap<>();
    private long bytes;
    private long lastT;
    private boolean coarse;
    private boolean statesOff;
    private boolean full;

    public TraceLog(long maxBytes, long coarseMicros) {
        this.maxBytes = maxBytes;
        this.coarseMicros = coarseMicros;
    }

    /** Adds a batch; returns the events that were kept (what live viewers should get too). */
    public List<TraceEvent> add(List<TraceParser.Sized> batch) {
        List<TraceEvent> kept = new ArrayList<>();
        for (TraceParser.Sized sized : batch) {
            TraceEvent event = sized.event();
            lastT = Math.max(lastT, event.t());
            if (!admit(event, sized.bytes())) {
                continue;
            }
            events.add(event);
            kept.add(event);
            bytes += sized.bytes();
            if (!coarse && bytes > maxBytes * 7 / 10) {
                coarse = true;
                kept.add(note("The trace passed 70% of its " + megabytes() + " budget: from here on each thread "
                        + "shows at most one state change per " + coarseMicros / 1000 + " ms."));
            } else if (!statesOff && bytes > maxBytes * 95 / 100) {
                statesOff = true;
                kept.add(note("The trace reached its " + megabytes() + " budget: later state changes are not recorded."));
            }
        }
        return kept;
    }

    private boolean admit(TraceEvent event, int size) {
        if (bytes + size > maxBytes - 1024) {
            if (!full) {
                full = true;
                events.add(TraceEvent.note(lastT, "The trace is full; nothing after this point was recorded."));
            }
            return false;
        }
        if (!TraceEvent.STATE.equals(event.kind())) {
            return true;
        }
        if (statesOff) {
            return false;
        }
        if (coarse && event.tid() != null) {
            Long last = lastKeptState.get(event.tid());
            if (last != null && event.t() - last < coarseMicros) {
                return false;
            }
        }
        if (event.tid() != null) {
            lastKeptState.put(event.tid(), event.t());
        }
        return true;
    }

    private TraceEvent note(String message) {
        TraceEvent note = TraceEvent.note(lastT, message);
        events.add(note);
        bytes += message.length() + 40;
        return note;
    }

    private String megabytes() {
        return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
    }

    public List<TraceEvent> events() {
        return List.copyOf(events);
    }

    public long sizeBytes() {
        return bytes;
    }
}
