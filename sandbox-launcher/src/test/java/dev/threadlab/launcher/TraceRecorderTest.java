package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {
    private static final long MS = 1_000_000;
    private static final long PID = 10;

    private final List<String> lines = new ArrayList<>();
    private final TraceRecorder recorder = new TraceRecorder(batch -> lines.addAll(Arrays.asList(batch.split("\n"))), 0);

    @Test
    void aNewJvmThreadIsDrawnWithItsJavaNameFromItsFirstSample() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.thread(MS, PID, 11, "java");
        recorder.osState(MS, 11, 'R', 0, 0);
        recorder.osState(2 * MS, 11, 'S', -1, 1);
        recorder.flush(3 * MS);
        assertFalse(lines.stream().anyMatch(l -> l.contains("\"tid\":11")), "held while its tracer names it: " + lines);

        recorder.javaThread(5 * MS, PID, 11, 1, false, false, "main");
        recorder.javaState(5 * MS, PID, 11, "WAITING", "park", "java.util.concurrent.CountDownLatch$Sync@1", -1, "");
        recorder.flush(6 * MS);
        List<String> mine = lines.stream().filter(l -> l.contains("\"tid\":11")).toList();
        assertTrue(mine.get(0).startsWith("{\"kind\":\"thread\",\"t\":1000,") && mine.get(0).contains("\"name\":\"main\""),
                mine.toString());
        assertTrue(mine.stream().noneMatch(l -> l.contains("\"name\":\"java\"")), mine.toString());
        assertTrue(mine.get(1).contains("\"state\":\"running\""), mine.toString());
        assertTrue(mine.get(mine.size() - 1).contains("\"state\":\"waiting\""), mine.toString());
    }

    @Test
    void aThreadNamedBetweenTheSamplersReadingAndItsReportIsDescribedFromItsFirstSample() {
        // The sampler read the main thread at 2 ms; its JVM's hello named it at 3 ms, before the sampler reported it.
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.javaThread(3 * MS, PID, 11, 1, false, false, "main");
        recorder.thread(2 * MS, PID, 11, "java");
        recorder.osState(2 * MS, 11, 'R', 0, 0);
        recorder.javaState(3 * MS, PID, 11, "RUNNABLE", "", "", -1, "");
        recorder.flush(4 * MS);
        List<String> mine = lines.stream().filter(l -> l.contains("\"tid\":11")).toList();
        assertTrue(mine.get(0).startsWith("{\"kind\":\"thread\",\"t\":2000,") && mine.get(0).contains("\"name\":\"main\""),
                "named no later than its first state: " + mine);
        assertTrue(mine.get(1).startsWith("{\"kind\":\"state\",\"t\":2000,"), mine.toString());
    }

    @Test
    void aSampleReportedAfterItsThreadWasNamedAndReleasedComesNoEarlierThanTheName() {
        // The sampler read a new thread at 2 ms; its JVM named it and reported its state at 3 ms, before the sampler
        // reported that reading.
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.jvmStarted(MS, PID);
        recorder.javaThread(3 * MS, PID, 12, 13, false, false, "kitchen");
        recorder.javaState(3 * MS, PID, 12, "TIMED_WAITING", "sleep", "", -1, "");
        recorder.thread(2 * MS, PID, 12, "kitchen");
        recorder.osState(2 * MS, 12, 'S', 0, 0);
        recorder.flush(4 * MS);
        List<String> mine = lines.stream().filter(l -> l.contains("\"tid\":12")).toList();
        long named = time(mine.get(0));
        assertTrue(mine.get(0).contains("\"name\":\"kitchen\""), mine.toString());
        assertTrue(mine.stream().allMatch(l -> time(l) >= named), "nothing before its name: " + mine);
    }

    private static long time(String line) {
        int at = line.indexOf("\"t\":") + 4;
        return Long.parseLong(line.substring(at, line.indexOf(',', at)));
    }

    @Test
    void aProcessWhoseFirstThreadExecdJavaIsAJvmBeforeItsCommandIsReadAgain() {
        recorder.process(MS, PID, 1, "setpriv", "setpriv --reuid=10001 java Main");
        recorder.thread(MS, PID, 12, "VM Thread");
        recorder.thread(2 * MS, PID, PID, "java");
        recorder.flush(3 * MS);
        List<String> vmThread = lines.stream().filter(l -> l.startsWith("{\"kind\":\"thread\"") && l.contains("\"tid\":12"))
                .toList();
        assertTrue(vmThread.get(vmThread.size() - 1).contains("\"system\":true"),
                "HotSpot's thread is the JVM's own once the first thread is named java: " + lines);
        assertTrue(recorder.applicationThreads.isEmpty(), recorder.applicationThreads.toString());
    }

    @Test
    void aThreadOffTheCpuUntilItsFirstReportWasInTheWaitItsJvmReports() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.jvmStarted(MS, PID);
        recorder.thread(2 * MS, PID, 12, "java");
        recorder.osState(2 * MS, 12, 'R', 0, 0);
        recorder.osState(4 * MS, 12, 'S', -1, 0);
        recorder.osState(6 * MS, 12, 'S', -1, 0);
        recorder.javaThread(8 * MS, PID, 12, 20, false, false, "waiter");
        recorder.javaState(8 * MS, PID, 12, "WAITING", "park", "java.util.concurrent.CountDownLatch$Sync@1", -1, "");
        recorder.flush(9 * MS);
        List<String> states = lines.stream().filter(l -> l.contains("\"tid\":12,\"state\"")).toList();
        assertTrue(states.get(0).contains("\"running\""), states.toString());
        assertTrue(states.get(1).startsWith("{\"kind\":\"state\",\"t\":4000,") && states.get(1).contains("\"waiting\"")
                && states.get(1).contains("CountDownLatch"), "it ran, then waited on the latch: " + states);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"unknown\"")), lines.toString());
    }

    @Test
    void offTheCpuBeforeItsJvmSaidHelloTheMainThreadIsTheJvmStarting() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.thread(MS, PID, 11, "java");
        recorder.osState(MS, 11, 'S', -1, 0);
        recorder.jvmStarted(40 * MS, PID);
        recorder.javaThread(40 * MS, PID, 11, 1, false, false, "main");
        recorder.javaState(40 * MS, PID, 11, "RUNNABLE", "", "", -1, "");
        recorder.osState(41 * MS, 11, 'R', 0, 5);
        // Its tracer's next mark says no safepoint stopped it.
        recorder.tracerSampled(PID, 42 * MS);
        recorder.osState(43 * MS, 11, 'R', 0, 5);
        recorder.flush(44 * MS);
        List<String> states = lines.stream().filter(l -> l.contains("\"tid\":11,\"state\"")).toList();
        assertTrue(states.get(0).startsWith("{\"kind\":\"state\",\"t\":1000,") && states.get(0).contains("\"starting\""),
                states.toString());
        assertTrue(states.get(states.size() - 1).contains("\"running\""), states.toString());
    }

    @Test
    void aThreadItsTracerNeverNamesIsDrawnUnderItsOsNameAfterTheHold() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.thread(MS, PID, 11, "java");
        recorder.osState(MS, 11, 'R', 0, 0);
        recorder.flush(100 * MS);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"tid\":11")), lines.toString());
        recorder.flush(400 * MS);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"thread\",\"t\":1000,") && l.contains("\"tid\":11")),
                lines.toString());
    }

    /** JDK 25 maps its CDS archive with worker threads of its own for a moment at start-up: not the program's. */
    @Test
    void theArchiveWorkersOfJdk25AreTheJvmsOwn() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.thread(MS, PID, 12, "ArchiveWorkerTh");
        recorder.osState(MS, 12, 'R', 0, 0);
        recorder.flush(400 * MS);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"thread\"") && l.contains("\"tid\":12")
                && l.contains("\"system\":true")), lines.toString());
    }

    @Test
    void aVirtualThreadRunsOnItsCarriersCpuAndSleepsOffIt() {
        long vtid = TraceRecorder.virtualTid(PID, 20);
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.javaThread(MS, PID, 12, 15, true, false, "ForkJoinPool-1-worker-1");
        recorder.javaState(MS, PID, 12, "RUNNABLE", "", "", -1, "");
        recorder.virtualThread(2 * MS, PID, 20, "sleeper");
        recorder.virtualState(2 * MS, PID, 20, "mounted", "RUNNABLE", 12, "", "", -1, "");
        recorder.osState(3 * MS, 12, 'R', 1, 0);
        recorder.virtualState(4 * MS, PID, 20, "parked", "TIMED_WAITING", 0, "sleep", "", -1, "");
        recorder.processEnd(9 * MS, PID);
        recorder.flush(10 * MS);

        assertTrue(lines.contains("{\"kind\":\"thread\",\"t\":2000,\"pid\":10,\"tid\":" + vtid
                + ",\"name\":\"sleeper\",\"javaId\":20,\"daemon\":true,\"virtual\":true,\"system\":false}"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"tid\":" + vtid + ",\"state\":\"running\",\"cpu\":1")
                && l.contains("\"carrierTid\":12")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"tid\":12,\"state\":\"running\"")
                && l.contains("\"mounted\":" + vtid)), "the carrier names what it runs: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"tid\":" + vtid + ",\"state\":\"sleeping\"")
                && l.contains("\"on\":\"sleep\"") && !l.contains("carrierTid")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"tid\":12,\"state\":\"running\"") && !l.contains("mounted")),
                "unmounted, the carrier runs nothing: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"thread-end\",\"t\":9000") && l.contains("" + vtid)),
                "it ends with its JVM: " + lines);
    }

    /** The main thread of JVM {@link #PID} (tid 11), RUNNABLE for Java, ran at 3 ms and is asleep from 10 ms on. */
    private void mainRunnableButAsleepFrom10Ms() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.jvmStarted(MS, PID);
        recorder.javaThread(MS, PID, 11, 1, false, false, "main");
        recorder.javaState(MS, PID, 11, "RUNNABLE", "", "", -1, "");
        recorder.tracerSampled(PID, 2 * MS);
        recorder.osState(3 * MS, 11, 'R', 0, 0);
        recorder.osState(10 * MS, 11, 'S', -1, 5);
    }

    @Test
    void aRunnableThreadAsleepIsIoOnlyOnceItsJvmRanSinceAndPausedWithinACollection() {
        mainRunnableButAsleepFrom10Ms();
        recorder.osState(60 * MS, 11, 'S', -1, 5);
        recorder.flush(61 * MS);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"io\"")), "its JVM has not run since: " + lines);
        recorder.pause(PID, 9 * MS, 70 * MS, "G1 Young Generation", TraceRecorder.GC);
        recorder.tracerSampled(PID, 71 * MS);
        recorder.osState(72 * MS, 11, 'S', -1, 5);
        recorder.tracerSampled(PID, 100 * MS);
        recorder.osState(110 * MS, 11, 'S', -1, 5);
        recorder.flush(111 * MS);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":10000,") && l.contains("\"paused\"")
                && l.contains("\"on\":\"gc\",\"cause\":\"G1 Young Generation\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":72000,") && l.contains("\"io\"")),
                "asleep after the pause while its JVM ran on: I/O " + lines);
    }

    @Test
    void aThreadStoppedAtAnotherSafepointIsPausedOnTheSafepointNamingTheOperation() {
        mainRunnableButAsleepFrom10Ms();
        recorder.pause(PID, 9 * MS, 30 * MS, "ThreadDump", TraceRecorder.SAFEPOINT);
        recorder.tracerSampled(PID, 31 * MS);
        recorder.osState(32 * MS, 11, 'R', 0, 5);
        recorder.flush(33 * MS);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":10000,") && l.contains("\"paused\"")
                && l.contains("\"on\":\"safepoint\",\"cause\":\"ThreadDump\"")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"io\"")), lines.toString());
    }

    @Test
    void aThreadBackOnTheCpuBeforeItsSafepointIsReportedIsStillDrawnPausedOnIt() {
        mainRunnableButAsleepFrom10Ms();
        recorder.osState(12 * MS, 11, 'R', 1, 5);
        recorder.flush(13 * MS);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"waiting\"") || l.contains("\"t\":12000,")),
                "held until its JVM's tracer speaks: " + lines);
        recorder.pause(PID, 9_500_000, 11 * MS, "ThreadDump", TraceRecorder.SAFEPOINT);
        recorder.tracerSampled(PID, 14 * MS);
        recorder.osState(15 * MS, 11, 'R', 1, 5);
        recorder.flush(16 * MS);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":10000,") && l.contains("\"paused\"")
                && l.contains("\"cause\":\"ThreadDump\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":12000,") && l.contains("\"running\"")),
                "running again from when it was seen back: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"waiting\"")), lines.toString());
    }

    @Test
    void aThreadHeldBackFromASafepointMayMoveToAnotherCpuAndIsStillDrawnPausedOnIt() {
        mainRunnableButAsleepFrom10Ms();
        recorder.osState(12 * MS, 11, 'R', 1, 5);
        recorder.osState(13 * MS, 11, 'R', 0, 5);
        recorder.pause(PID, 9_500_000, 11 * MS, "ThreadDump", TraceRecorder.SAFEPOINT);
        recorder.tracerSampled(PID, 14 * MS);
        recorder.osState(15 * MS, 11, 'R', 0, 5);
        recorder.flush(16 * MS);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":10000,") && l.contains("\"paused\"")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":12000,")
                && l.contains("\"running\",\"cpu\":1")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":15000,")
                && l.contains("\"running\",\"cpu\":0")), "on the other CPU at the next sample: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"waiting\"")), lines.toString());
    }

    @Test
    void aThreadBackOnTheCpuWithNoSafepointReportedWaitedBriefly() {
        mainRunnableButAsleepFrom10Ms();
        recorder.osState(12 * MS, 11, 'R', 1, 5);
        recorder.tracerSampled(PID, 14 * MS);
        recorder.osState(15 * MS, 11, 'R', 1, 5);
        recorder.flush(16 * MS);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":10000,") && l.contains("\"waiting\"")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":12000,") && l.contains("\"running\"")),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"paused\"")), lines.toString());
    }

    @Test
    void aCarrierHeldBackFromASafepointStillNamesTheVirtualThreadItMountsMeanwhile() {
        long vtid = TraceRecorder.virtualTid(PID, 20);
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.jvmStarted(MS, PID);
        recorder.javaThread(MS, PID, 12, 15, true, false, "ForkJoinPool-1-worker-1");
        recorder.carrierThread(PID, 12);
        recorder.javaState(MS, PID, 12, "RUNNABLE", "", "", -1, "");
        recorder.virtualThread(MS, PID, 20, "sleeper");
        recorder.tracerSampled(PID, 2 * MS);
        recorder.osState(3 * MS, 12, 'R', 0, 0);
        recorder.osState(10 * MS, 12, 'S', -1, 5);
        recorder.osState(12 * MS, 12, 'R', 1, 5); // back before its tracer said whether a safepoint stopped it
        recorder.virtualState(13 * MS, PID, 20, "mounted", "RUNNABLE", 12, "", "", -1, "");
        recorder.virtualState(14 * MS, PID, 20, "parked", "TIMED_WAITING", 0, "sleep", "", -1, "");
        recorder.tracerSampled(PID, 15 * MS);
        recorder.osState(16 * MS, 12, 'R', 1, 5);
        recorder.flush(17 * MS);

        assertTrue(lines.stream().anyMatch(l -> l.contains("\"tid\":" + vtid + ",\"state\":\"running\"")
                && l.contains("\"carrierTid\":12")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":13000,")
                && l.contains("\"tid\":12,\"state\":\"running\"") && l.contains("\"mounted\":" + vtid)),
                "the carrier names what it runs: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"kind\":\"state\",\"t\":12000,")
                && l.contains("\"tid\":12,\"state\":\"running\"") && !l.contains("mounted")),
                "running on its own from when it was seen back: " + lines);
    }

    @Test
    void aTracerCannotPauseThreadsOfAnotherProcessNorForLongerThanTwoSeconds() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.process(MS, 20, 1, "java", "java Other");
        recorder.jvmStarted(MS, PID);
        recorder.jvmStarted(MS, 20);
        recorder.javaThread(MS, 20, 21, 1, false, false, "main");
        recorder.javaState(MS, 20, 21, "RUNNABLE", "", "", -1, "");
        recorder.osState(10 * MS, 21, 'S', -1, 0);
        recorder.pause(PID, 5 * MS, 50 * MS, "forged", TraceRecorder.GC);
        recorder.pause(PID, 5 * MS, 50 * MS, "ThreadDump", TraceRecorder.SAFEPOINT);
        recorder.pause(20, 5 * MS, 5 * MS + 3_000_000_000L, "too long", TraceRecorder.GC);
        recorder.pause(20, 5 * MS, 5 * MS + 3_000_000_000L, "too long", TraceRecorder.SAFEPOINT);
        recorder.tracerSampled(20, 60 * MS);
        recorder.osState(70 * MS, 21, 'S', -1, 0);
        recorder.flush(71 * MS);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"paused\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"tid\":21,\"state\":\"io\"")), lines.toString());
    }

    @Test
    void aVirtualThreadCannotBeMountedOnAnotherProcessesThread() {
        recorder.process(MS, PID, 1, "java", "java Main");
        recorder.javaThread(MS, 20, 21, 15, true, false, "ForkJoinPool-1-worker-1");
        recorder.javaState(MS, 20, 21, "RUNNABLE", "", "", -1, "");
        recorder.virtualThread(2 * MS, PID, 30, "v");
        recorder.virtualState(2 * MS, PID, 30, "mounted", "RUNNABLE", 21, "", "", -1, "");
        recorder.osState(3 * MS, 21, 'R', 1, 0);
        recorder.flush(4 * MS);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"mounted\"") || l.contains("\"carrierTid\"")), lines.toString());
    }

    @Test
    void aTracerCannotGiveAProcessMoreVirtualLanesThanTheCap() {
        for (int i = 1; i <= TraceRecorder.MAX_VIRTUAL_LANES + 5; i++) {
            recorder.virtualThread(MS, PID, i, "v" + i);
        }
        recorder.flush(2 * MS);
        assertEquals(TraceRecorder.MAX_VIRTUAL_LANES, lines.stream().filter(l -> l.contains("\"virtual\":true")).count());
    }
}
