package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.exercise.Check;
import dev.threadlab.trace.TraceEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceFactsTest {
    /** Two workers taking turns on CPU 0: never two threads running at once. */
    private static final String TWO_WORKERS_ON_ONE_CPU = """
            {"kind":"process","t":0,"pid":10,"ppid":1,"name":"java"}
            {"kind":"thread","t":0,"pid":10,"tid":12,"name":"worker-a","system":false}
            {"kind":"thread","t":0,"pid":10,"tid":13,"name":"worker-b","system":false}
            {"kind":"state","t":0,"pid":10,"tid":12,"state":"running","cpu":0}
            {"kind":"state","t":20000,"pid":10,"tid":13,"state":"running","cpu":0}
            {"kind":"state","t":40000,"pid":10,"tid":12,"state":"sleeping"}
            {"kind":"state","t":60000,"pid":10,"tid":13,"state":"sleeping"}
            """;

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
                {"kind":"state","t":20000,"pid":10,"tid":12,"state":"running","cpu":1}
                {"kind":"state","t":30000,"pid":10,"tid":13,"state":"sleeping"}
                {"kind":"state","t":50000,"pid":10,"tid":12,"state":"blocked","ownerTid":10}
                {"kind":"state","t":90000,"pid":10,"tid":12,"state":"running","cpu":0}
                {"kind":"state","t":90000,"pid":10,"tid":10,"state":"waiting"}
                {"kind":"process","t":4000,"pid":20,"ppid":10,"name":"java"}
                {"kind":"process","t":4000,"pid":21,"ppid":20,"name":"java"}
                {"kind":"thread-end","t":120000,"pid":10,"tid":12}
                """), 1500);
        assertEquals(2, facts.maxRunningAtOnce(), "main and one worker for 30 ms; the JIT compiler thread does not count");
        assertEquals(2, facts.workerThreads(), "both pool threads, the sleeping one too");
        assertEquals(2, facts.childProcesses(), "a child and a grandchild");
        assertEquals(40, facts.longestBlockedMs());
        assertEquals(1500, facts.wallTimeMs());
    }

    @Test
    void virtualThreadsAreNotOsThreadsAndATracerCannotAddWorkersWithThem() {
        TraceFacts facts = TraceFacts.of(events("""
                {"kind":"process","t":0,"pid":10,"ppid":1,"name":"java"}
                {"kind":"thread","t":0,"pid":10,"tid":11,"name":"main","system":false}
                {"kind":"thread","t":0,"pid":10,"tid":12,"name":"ForkJoinPool-1-worker-1","carrier":true,"system":false}
                {"kind":"thread","t":0,"pid":10,"tid":-10000000020,"name":"v1","virtual":true,"system":false}
                {"kind":"thread","t":0,"pid":10,"tid":-10000000021,"name":"v2","virtual":true,"system":false}
                {"kind":"state","t":0,"pid":10,"tid":12,"state":"running","cpu":0,"mounted":-10000000020}
                {"kind":"state","t":0,"pid":10,"tid":-10000000020,"state":"running","cpu":0,"carrierTid":12}
                {"kind":"state","t":0,"pid":10,"tid":-10000000021,"state":"running","cpu":1}
                {"kind":"state","t":50000,"pid":10,"tid":-10000000021,"state":"blocked"}
                {"kind":"state","t":90000,"pid":10,"tid":-10000000021,"state":"waiting"}
                """), 100);
        assertEquals(1, facts.workerThreads(), "the carrier only");
        assertEquals(1, facts.maxRunningAtOnce(), "a virtual thread said to run on CPU 1 ran on no OS thread");
        assertEquals(0, facts.longestBlockedMs());
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

    @Test
    void handOversAndSameCpuGlitchesAreNotParallelism() {
        // Sequential work (start; join; start; join) as the sampler sees it: each hand-over looks like a moment of
        // overlap, once even on the same CPU. Then two threads really run together on two CPUs for 12 ms.
        TraceFacts facts = TraceFacts.of(events("""
                {"kind":"process","t":0,"pid":10,"ppid":1,"name":"java"}
                {"kind":"thread","t":0,"pid":10,"tid":11,"name":"java","system":false}
                {"kind":"thread","t":0,"pid":10,"tid":12,"name":"worker-a","system":false}
                {"kind":"thread","t":0,"pid":10,"tid":13,"name":"worker-b","system":false}
                {"kind":"thread","t":0,"pid":10,"tid":14,"name":"worker-c","system":false}
                {"kind":"state","t":0,"pid":10,"tid":12,"state":"running","cpu":0}
                {"kind":"state","t":20000,"pid":10,"tid":13,"state":"running","cpu":1}
                {"kind":"state","t":22000,"pid":10,"tid":12,"state":"sleeping"}
                {"kind":"state","t":40000,"pid":10,"tid":14,"state":"running","cpu":1}
                {"kind":"state","t":42000,"pid":10,"tid":13,"state":"sleeping"}
                {"kind":"state","t":60000,"pid":10,"tid":12,"state":"running","cpu":0}
                {"kind":"state","t":72000,"pid":10,"tid":12,"state":"sleeping"}
                {"kind":"state","t":72000,"pid":10,"tid":14,"state":"sleeping"}
                """), 10);
        assertEquals(2, facts.maxRunningAtOnce(), "only the 12 ms stretch counts: " + facts);
        assertEquals(3, facts.workerThreads(), "the JVM's main thread, still called java, is no worker");

        TraceFacts sequential = TraceFacts.of(events(TWO_WORKERS_ON_ONE_CPU), 10);
        assertEquals(1, sequential.maxRunningAtOnce(), "two threads on one CPU do not run at once");
    }

    @Test
    void onlyTooLittleParallelismOrTooMuchWallTimeIsWorthARepeat() {
        TraceFacts sequential = TraceFacts.of(events(TWO_WORKERS_ON_ONE_CPU), 900);
        assertTrue(TraceCheck.onlyABusyHostCouldExplain(expect(2, null, null), sequential), "too few threads on CPUs at once");
        assertTrue(TraceCheck.onlyABusyHostCouldExplain(expect(null, null, 500L), sequential), "too slow");
        assertFalse(TraceCheck.onlyABusyHostCouldExplain(expect(2, 3, null), sequential), "a missing thread is the program's fault");
        assertFalse(TraceCheck.onlyABusyHostCouldExplain(expect(null, 2, null), sequential), "nothing failed");
    }

    private static Check.TraceExpectation expect(Integer minRunningAtOnce, Integer minWorkerThreads, Long maxWallTimeMs) {
        return new Check.TraceExpectation(minRunningAtOnce, null, minWorkerThreads, null, null, null, null, null,
                maxWallTimeMs);
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
