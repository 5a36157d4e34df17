package dev.threadlab.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads a batch of trace lines from the sandbox. The sandbox is untrusted: a line that is not a well-formed event
 * of a known kind is dropped, never passed on.
 */
@Singleton
public class TraceParser {
    private static final Logger LOG = Logger.getLogger(TraceParser.class);
    private static final int MAX_LINE = 16 * 1024;
    private static final Set<String> KINDS = Set.of(TraceEvent.META, TraceEvent.PROCESS, TraceEvent.PROCESS_END,
            TraceEvent.THREAD, TraceEvent.STATE, TraceEvent.THREAD_END, TraceEvent.DEADLOCK, TraceEvent.VIRTUAL_THREADS);

    private final ObjectMapper json;

    TraceParser(ObjectMapper json) {
        this.json = json;
    }

    /** An event with the size of its line, which is what the trace's size budget counts. */
    public record Sized(TraceEvent event, int bytes) {
    }

    public List<Sized> parse(String lines) {
        List<Sized> events = new ArrayList<>();
        int dropped = 0;
        for (String line : lines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            TraceEvent event = line.length() > MAX_LINE ? null : read(line);
            if (event == null || !KINDS.contains(event.kind()) || event.t() < 0) {
                dropped++;
                continue;
            }
            events.add(new Sized(event, line.length() + 1));
        }
        if (dropped > 0) {
            LOG.debugf("Dropped %d malformed trace lines", dropped);
        }
        return events;
    }

    private TraceEvent read(String line) {
        try {
            return json.readValue(line, TraceEvent.class);
        } catch (Exception malformed) {
            return null;
        }
    }
}
