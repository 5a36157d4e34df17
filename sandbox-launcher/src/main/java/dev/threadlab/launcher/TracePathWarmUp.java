package dev.threadlab.launcher;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Records a made-up trace of this JVM's own threads before the run, through the same code as a run's: the sampler's
 * lines through {@link NativeSampler}, a tracer's through an {@link AgentHub} socket, both into one {@link
 * TraceRecorder} whose batches go nowhere. So a traced run's lines are handled by compiled code from its first one.
 *
 * <p>Why: without it, a pooled launcher compiled about 190 methods of the trace's path (the recorder, its string
 * building, the line parsing) in the first 200 ms of a traced run of the trace benchmark's 200-thread program, about
 * 30 ms of its C1 compiler's CPU, and interpreted those lines until then, on the 2 CPUs the program starts on
 * ({@code -Xlog:jit+compilation}, docs/benchmarks/trace.md).
 */
final class TracePathWarmUp {
    /**
     * Rounds of made-up samples: each thread's methods on the path are called a few hundred times, past C1's
     * invocation threshold (Tier3InvocationThreshold, 200), so they are compiled here.
     */
    private static final int ROUNDS = 300;
    /** How many of this JVM's threads are described (the rest are left out). */
    private static final int THREADS = 8;
    private static final long TICK_NANOS = 2_000_000;
    private static final char[] KERNEL_STATES = {'R', 'S', 'R', 'r', 'S', 'D'};
    /** What a tracer says a thread does, in turn: state, what it waits on, and the lock (its owner is added). */
    private static final String[][] JAVA_STATES = {
            {"RUNNABLE", "", ""},
            {"WAITING", "park", "java.util.concurrent.locks.ReentrantLock$NonfairSync@1b6d3586"},
            {"TIMED_WAITING", "sleep", ""},
            {"BLOCKED", "monitor", "java.lang.Object@4554617c"},
            {"WAITING", "join", "java.lang.Thread@74a14482"},
            {"WAITING", "wait", "java.lang.Object@1540e19d"},
    };
    private static final String[] VIRTUAL_PLACES = {"runnable", "mounted", "parked", "mounted", "pinned"};
    private static final int VIRTUAL_THREADS = 4;

    private TracePathWarmUp() {
    }

    /** Returns whether every step went through (a warm-up never fails the run that follows). */
    static boolean run() {
        return run(batch -> { });
    }

    /** The same, with the made-up trace's batches going to {@code batches}. */
    static boolean run(Consumer<String> batches) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("threadlab-warm-up-trace");
            long pid = ProcessHandle.current().pid();
            List<Long> tids = ownThreads(pid);
            if (tids.size() < 3) { // a main thread and a carrier besides the process's first thread
                return false;
            }
            record(folder.resolve("trace.sock"), pid, tids, batches);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Compilation.deleteQuietly(folder);
        }
    }

    /**
     * Feeds both readers at once, as in a run, and ends as a run does: the tracer's lines drained before the sampler's
     * last sample, so that none of them comes after the trace's end.
     */
    private static void record(Path socket, long pid, List<Long> tids, Consumer<String> batches)
            throws IOException, InterruptedException {
        long origin = System.nanoTime();
        TraceRecorder recorder = new TraceRecorder(batches, origin);
        AgentHub hub = new AgentHub(socket, recorder, deadlock -> { });
        hub.programStarted(ProcessHandle.current());
        Thread accepting = SandboxLauncher.daemon(hub, "warm-up-trace-hub");
        accepting.start();
        PipedInputStream kernel = new PipedInputStream(1 << 18);
        Thread sampling = SandboxLauncher.daemon(() -> NativeSampler.replay(recorder, kernel), "warm-up-trace-sampler");
        try (PipedOutputStream sampler = new PipedOutputStream(kernel)) {
            sampling.start();
            try (SocketChannel tracer = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                tracer.connect(UnixDomainSocketAddress.of(socket));
                sampler.write(samplerLines(origin, pid, tids).getBytes(StandardCharsets.US_ASCII));
                tracer.write(ByteBuffer.wrap(tracerLines(origin, pid, tids).getBytes(StandardCharsets.UTF_8)));
            }
            hub.drain(2_000_000_000L);
            sampler.write(samplerEnd(origin, pid, tids).getBytes(StandardCharsets.US_ASCII));
        } finally {
            sampling.join(5000);
            hub.close();
        }
    }

    /** This process's threads as the kernel lists them, the first (the process itself) first. */
    private static List<Long> ownThreads(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            List<Long> others = tasks.map(task -> Long.parseLong(task.getFileName().toString()))
                    .filter(tid -> tid != pid).sorted().limit(THREADS - 1).toList();
            return Stream.concat(Stream.of(pid), others.stream()).toList();
        }
    }

    /** What the native sampler would write while the program runs: the process, its threads, their states, flushes. */
    private static String samplerLines(long origin, long pid, List<Long> tids) {
        HexFormat hex = HexFormat.of();
        StringBuilder out = new StringBuilder();
        out.append("P\t").append(origin).append('\t').append(pid).append('\t').append(1).append('\n');
        for (int i = 0; i < tids.size(); i++) {
            String name = i == 0 ? "java" : "worker-" + i;
            out.append("T\t").append(origin).append('\t').append(pid).append('\t').append(tids.get(i)).append('\t')
                    .append(hex.formatHex(name.getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        for (int round = 0; round < ROUNDS; round++) {
            long at = origin + round * TICK_NANOS;
            for (int i = 0; i < tids.size(); i++) {
                char state = KERNEL_STATES[(round + i) % KERNEL_STATES.length];
                out.append("S\t").append(at).append('\t').append(tids.get(i)).append('\t').append(state).append('\t')
                        .append((round + i) % 2).append('\t').append(round * 10L).append('\n');
            }
            if (round % 40 == 39) {
                out.append("F\t").append(at).append('\n');
            }
        }
        return out.toString();
    }

    /** The sampler's last lines: every thread and the process ended, and its last sample done. */
    private static String samplerEnd(long origin, long pid, List<Long> tids) {
        StringBuilder out = new StringBuilder();
        long end = origin + ROUNDS * TICK_NANOS;
        for (long tid : tids) {
            out.append("E\t").append(end).append('\t').append(tid).append('\t').append(ROUNDS * 10L).append('\n');
        }
        out.append("X\t").append(end).append('\t').append(pid).append('\n');
        out.append("D\t").append(end).append('\n');
        return out.toString();
    }

    /**
     * What a traced JVM's tracer would send: its hello, its threads, their Java states and what they wait for, its
     * samples, pauses, and a few virtual threads mounted on its threads in turn.
     */
    private static String tracerLines(long origin, long pid, List<Long> tids) {
        StringBuilder out = new StringBuilder();
        out.append("H\t").append(pid).append('\t').append(tids.get(1)).append("\t1\n");
        for (int i = 2; i < tids.size(); i++) {
            out.append("J\t").append(origin).append('\t').append(tids.get(i)).append('\t').append(20 + i).append('\t')
                    .append(i % 2).append("\t0\tworker-").append(i).append('\t').append(i == 2 ? 1 : 0).append('\n');
        }
        for (int v = 0; v < VIRTUAL_THREADS; v++) {
            out.append("V\t").append(origin).append('\t').append(100 + v).append("\tvirtual-").append(v).append('\n');
        }
        for (int round = 0; round < ROUNDS; round++) {
            long at = origin + round * TICK_NANOS + TICK_NANOS / 2;
            javaStates(out, at, round, tids);
            virtualStates(out, at, round, tids.get(2));
            out.append("K\t").append(at).append('\n');
            if (round % 50 == 49) {
                out.append("P\t").append(at - TICK_NANOS).append('\t').append(at).append("\tG1 Evacuation Pause\n");
                out.append("Y\t").append(at - TICK_NANOS).append('\t').append(at).append("\tHandshakeAllThreads\n");
                out.append("A\t").append(at).append('\t').append(VIRTUAL_THREADS).append('\t').append(VIRTUAL_THREADS)
                        .append("\t1\t2\t1\n");
            }
        }
        long end = origin + ROUNDS * TICK_NANOS;
        for (int v = 0; v < VIRTUAL_THREADS; v++) {
            out.append("X\t").append(end).append('\t').append(100 + v).append('\n');
        }
        return out.toString();
    }

    /** Each thread but the first in the next of {@link #JAVA_STATES}, a lock's owner being another of them. */
    private static void javaStates(StringBuilder out, long at, int round, List<Long> tids) {
        for (int i = 1; i < tids.size(); i++) {
            String[] java = JAVA_STATES[(round + i) % JAVA_STATES.length];
            boolean owned = java[1].equals("park") || java[1].equals("monitor");
            int owner = 1 + (i % (tids.size() - 1));
            out.append("S\t").append(at).append('\t').append(tids.get(i)).append('\t').append(java[0]).append('\t')
                    .append(java[1]).append('\t').append(java[2]).append('\t').append(owned ? tids.get(owner).toString() : "")
                    .append('\t').append(owned ? "worker-" + owner : "").append('\n');
        }
    }

    /** Each virtual thread in the next of {@link #VIRTUAL_PLACES}, on {@code carrier} while mounted or pinned. */
    private static void virtualStates(StringBuilder out, long at, int round, long carrier) {
        for (int v = 0; v < VIRTUAL_THREADS; v++) {
            String place = VIRTUAL_PLACES[(round + v) % VIRTUAL_PLACES.length];
            boolean onCarrier = place.equals("mounted") || place.equals("pinned");
            out.append("W\t").append(at).append('\t').append(100 + v).append('\t').append(place).append('\t')
                    .append(onCarrier ? "RUNNABLE" : "WAITING").append('\t').append(onCarrier ? Long.toString(carrier) : "")
                    .append('\t').append(place.equals("parked") ? "park" : "").append("\t\t\t\n");
        }
    }
}
