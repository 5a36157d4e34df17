package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.trace.TraceEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceFactsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void countsOnlyTheProgramsThreadsAndProcesses() {
        TraceFacts facts = TraceFacts.of(events("""
                {"kind":"process","t":0,"pid":10,"ppid":1,"name":"java"}
                {"kind":"thread","t":0,"pid":10,"tid":10,"name":"main","system":false}
                {"kind":"thread","t":0,"pid":10,"tid":11,"name":"C2 CompilerThre","system":true}
                {"kind":"thread","t":1000,"pid":10,"tid":12,"name":"pool-1-thread-1","system":false}
                {"kind":"thread","t":1000,"pid":10,"tid":13,"name":"pool-1-thread-2","system":false}
                {"kind":"state","t":0,"pid":10,"tid":10,"state":"running","cpu":0}
                {"kind":"state","t":0,"pid":10,"tid":11,"state":"running","cpu":1}
                {"kind":"state","t":2000,"pid":10,"tid":12,"state":"running","cpu":1}
                {"kind":"state","t":3000,"pid":10,"tid":13,"state":"sleeping"}
                {"kind":"state","t":5000,"pid":10,"tid":12,"state":"blocked","ownerTid":10}
                {"kind":"state","t":9000,"pid":10,"tid":12,"state":"running","cpu":0}
                {"kind":"state","t":9000,"pid":10,"tid":10,"state":"waiting"}
                {"kind":"process","t":4000,"pid":20,"ppid":10,"name":"java"}
                {"kind":"process","t":4000,"pid":21,"ppid":20,"name":"java"}
                {"kind":"thread-end","t":12000,"pid":10,"tid":12}
                """), 1500);
        assertEquals(2, facts.maxRunningAtOnce(), "main and one worker; the JIT compiler thread does not count");
        assertEquals(2, facts.workerThreads(), "both pool threads, the sleeping one too");
        assertEquals(2, facts.childProcesses(), "a child and a grandchild");
        assertEquals(4, facts.longestBlockedMs());
        assertEquals(1500, facts.wallTimeMs());
    }

    @Test
    void aThreadMarkedJvmInternalLaterIsNotCounted() {
        TraceFacts facts = TraceFacts.of(events("""
                {"kind":"process","t":0,"pid":10,"ppid":1,"name":"java"}
                {"kind":"thread","t":0,"pid":10,"tid":14,"name":"java","system":false}
                {"kind":"state","t":0,"pid":10,"tid":14,"state":"running","cpu":0}
                {"kind":"thread","t":150000,"pid":10,"tid":14,"name":"java","system":true}
                """), 200);
        assertEquals(0, facts.maxRunningAtOnce());
        assertEquals(0, facts.workerThreads());
        assertEquals(0, facts.childProcesses());
    }

    private List<TraceEvent> events(String lines) {
        return Arrays.stream(lines.strip().split("\n")).map(line -> {
            try {
                return json.readValue(line, TraceEvent.class);
            } catch (Exception e) {
                throw new IllegalArgumentException(line, e);
            }
        }).toList();
    }
}
