package dev.threadlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceLogTest {

    private final TraceParser parser = new TraceParser(new ObjectMapper());

    @Test
    void keepsEveryEventWithinBudgetAndDropsMalformedLines() {
        TraceLog log = new TraceLog(1024 * 1024, 100_000);
        List<TraceEvent> kept = log.add(parser.parse("""
                {"kind":"thread","t":0,"pid":7,"tid":8,"name":"main"}
                not json
                {"kind":"state","t":10,"pid":7,"tid":8,"state":"running","cpu":1}
                {"kind":"surprise","t":11}
                {"kind":"state","t":-5,"pid":7,"tid":8,"state":"running"}
                {"kind":"state","t":12,"pid":7,"tid":8,"state":"sleeping","on":"sleep"}
                """));
        assertEquals(List.of("thread", "state", "state"), kept.stream().map(TraceEvent::kind).toList());
        assertEquals(1, kept.get(1).cpu());
        assertEquals(kept, log.events());
    }

    @Test
    void staysUnderItsBudgetWhateverTheProgramDoesAndSaysSo() {
        long budget = 64 * 1024;
        TraceLog log = new TraceLog(budget, 100_000);
        // A thread flipping state every microsecond, far more than the budget allows.
        for (int batch = 0; batch < 200; batch++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                long t = batch * 100L + i;
                lines.append("{\"kind\":\"state\",\"t\":").append(t * 1000)
                        .append(",\"pid\":7,\"tid\":8,\"state\":\"").append(i % 2 == 0 ? "running" : "ready").append("\"}\n");
            }
            log.add(parser.parse(lines.toString()));
        }
        log.add(parser.parse("{\"kind\":\"thread-end\",\"t\":30000000,\"pid\":7,\"tid\":8}\n"));
        assertTrue(log.sizeBytes() <= budget, "stored " + log.sizeBytes() + " bytes");
        List<String> notes = new ArrayList<>();
        List<TraceEvent> states = new ArrayList<>();
        for (TraceEvent e : log.events()) {
            if (e.kind().equals(TraceEvent.NOTE)) {
                notes.add(e.message());
            } else if (e.kind().equals(TraceEvent.STATE)) {
                states.add(e);
            }
        }
        assertTrue(notes.get(0).contains("at most one state change per 100 ms"), notes.toString());
        // Once coarse, consecutive kept states of the thread are at least 100 ms apart.
        long coarseFrom = log.events().stream().filter(e -> e.kind().equals(TraceEvent.NOTE)).findFirst().orElseThrow().t();
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i - 1).t() > coarseFrom) {
                assertTrue(states.get(i).t() - states.get(i - 1).t() >= 100_000, "coarse states too close");
            }
        }
        assertEquals(TraceEvent.THREAD_END, log.events().stream().filter(e -> !e.kind().equals(TraceEvent.NOTE))
                .reduce((a, b) -> b).orElseThrow().kind(), "the thread's end is still recorded");
    }
}
