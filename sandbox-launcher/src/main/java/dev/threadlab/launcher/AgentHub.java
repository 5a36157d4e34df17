package dev.threadlab.launcher;

import dev.threadlab.protocol.DeadlockCycle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Unix socket every traced JVM's tracer connects to. The tracers run inside the learner's JVMs, so what they say
 * is the learner's word: the hub takes it only where the kernel agrees. A connection must name a process of the
 * program (the program itself or a descendant) that no other connection has named, and every tracer names its
 * process before the program's own code runs there; a Java thread is recorded only if
 * the kernel lists it in that process; and a deadlock stops the run only once {@link DeadlockCheck} saw every thread of
 * the cycle asleep and using no CPU. So a process can describe only its own threads, and fake at most its own deadlock.
 */
final class AgentHub implements Runnable {
    /** More tracer connections than any lesson's program has JVMs (a dozen); the rest are refused. */
    private static final int MAX_CONNECTIONS = 64;

    private final Path path;
    private final TraceRecorder recorder;
    private final Consumer<DeadlockCycle> onDeadlock;
    private final ServerSocketChannel server;
    private final CompletableFuture<ProcessHandle> program = new CompletableFuture<>();
    /** Which connection speaks for each process: the first accepted (the kernel queues connections in order). */
    private final Map<Long, Integer> speakers = new ConcurrentHashMap<>();
    private int connections;
    private final List<Thread> readers = new java.util.concurrent.CopyOnWriteArrayList<>();

    AgentHub(Path path, TraceRecorder recorder, Consumer<DeadlockCycle> onDeadlock) throws IOException {
        this.path = path;
        this.recorder = recorder;
        this.onDeadlock = onDeadlock;
        Files.deleteIfExists(path);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        ProgramRun.shareWithLearner(path);
    }

    void programStarted(ProcessHandle handle) {
        program.complete(handle);
    }

    @Override
    public void run() {
        try {
            while (true) {
                SocketChannel agent = server.accept();
                int order = ++connections;
                if (order > MAX_CONNECTIONS) {
                    agent.close();
                    continue;
                }
                Thread reader = SandboxLauncher.daemon(() -> read(agent, order), "agent-reader");
                readers.add(reader);
                reader.start();
            }
        } catch (IOException closed) {
            // The launcher is ending.
        }
    }

    private void read(SocketChannel agent, int order) {
        long pid = -1;
        boolean tracerKnown = false;
        try (agent; BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(agent), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (pid < 0) {
                    pid = hello(f, order);
                    if (pid < 0) {
                        return;
                    }
                    continue;
                }
                if (speakers.get(pid) != order) {
                    return; // an earlier connection claimed this process after all
                }
                switch (f[0]) {
                    case "T" -> {
                        long tracerTid = Long.parseLong(f[1]);
                        if (!tracerKnown && ownThread(pid, tracerTid)) {
                            tracerKnown = true;
                            recorder.agentConnected(pid, tracerTid);
                        }
                    }
                    case "J" -> {
                        long tid = Long.parseLong(f[2]);
                        if (ownThread(pid, tid)) {
                            recorder.javaThread(Long.parseLong(f[1]), pid, tid, Long.parseLong(f[3]),
                                    f[4].equals("1"), f[5].equals("1"), f[6]);
                            if (f.length > 7 && f[7].equals("1")) {
                                recorder.carrierThread(pid, tid);
                            }
                        }
                    }
                    case "S" -> recorder.javaState(Long.parseLong(f[1]), pid, Long.parseLong(f[2]), f[3], f[4], f[5],
                            f[6].isEmpty() ? -1 : Long.parseLong(f[6]), f[7]);
                    case "D" -> deadlock(pid, f, lines);
                    case "K" -> recorder.tracerSampled(pid, Long.parseLong(f[1]));
                    case "P" -> recorder.pause(pid, Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], TraceRecorder.GC);
                    case "Y" -> recorder.pause(pid, Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], TraceRecorder.SAFEPOINT);
                    case "V" -> recorder.virtualThread(Long.parseLong(f[1]), pid, Long.parseLong(f[2]), f[3]);
                    case "W" -> virtualState(pid, f);
                    case "X" -> recorder.virtualEnd(Long.parseLong(f[1]), pid, Long.parseLong(f[2]));
                    case "A" -> recorder.virtualThreads(Long.parseLong(f[1]), pid, Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                            Integer.parseInt(f[6]));
                    default -> {
                        // Q (thread left the JVM) is seen by the sampler too; unknown lines are ignored.
                    }
                }
            }
        } catch (IOException | RuntimeException agentGone) {
            // The JVM ended, or sent something unreadable: either way nothing more is taken from it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * "H pid mainTid mainJavaId": the process this connection speaks for, or -1 if it may not. Every traced JVM says
     * hello before any of its program's code runs (see the tracer's TracerThread), so the first claim on a process is
     * its own tracer's; it names the thread that is about to run {@code main}, which is known from then on even if
     * the program ends before the tracer's first sample.
     */
    private long hello(String[] f, int order) throws InterruptedException {
        long received = System.nanoTime();
        if (!f[0].equals("H") || f.length != 4) {
            return -1;
        }
        long pid = Long.parseLong(f[1]);
        // Readers run in parallel: the connection accepted first wins, whichever reader gets here first.
        if (!ofProgram(pid) || speakers.merge(pid, order, Math::min) != order) {
            return -1;
        }
        long mainTid = Long.parseLong(f[2]);
        recorder.jvmStarted(received, pid);
        if (ownThread(pid, mainTid)) {
            recorder.javaThread(received, pid, mainTid, Long.parseLong(f[3]), false, false, "main");
            recorder.javaState(received, pid, mainTid, "RUNNABLE", "", "", -1, "");
        }
        return pid;
    }

    private boolean ofProgram(long pid) throws InterruptedException {
        ProcessHandle root;
        try {
            root = program.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
        for (ProcessHandle p = ProcessHandle.of(pid).orElse(null); p != null; p = p.parent().orElse(null)) {
            if (p.pid() == root.pid()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code W nanos javaId where javaState carrierTid on lock ownerTid owner}: the carrier must be a thread of the
     * same process.
     */
    private void virtualState(long pid, String[] f) {
        long carrierTid = f[5].isEmpty() ? 0 : Long.parseLong(f[5]);
        if (carrierTid != 0 && !ownThread(pid, carrierTid)) {
            return;
        }
        recorder.virtualState(Long.parseLong(f[1]), pid, Long.parseLong(f[2]), f[3], f[4], carrierTid, f[6], f[7],
                f[8].isEmpty() ? -1 : Long.parseLong(f[8]), f[9]);
    }

    /** Whether the kernel lists thread {@code tid} in process {@code pid}. */
    static boolean ownThread(long pid, long tid) {
        return tid > 0 && Files.isDirectory(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid)));
    }

    private void deadlock(long pid, String[] f, BufferedReader lines) throws IOException, InterruptedException {
        long nanos = Long.parseLong(f[1]);
        int count = Math.min(Integer.parseInt(f[2]), 1000);
        String message = f[3];
        List<String[]> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String member = lines.readLine();
            if (member != null && member.startsWith("d\t")) {
                members.add(member.substring(2).split("\t", -1));
            }
        }
        if (DeadlockCheck.confirmed(pid, members)) {
            recorder.deadlock(nanos, pid, message, members);
            onDeadlock.accept(new DeadlockCycle(members.stream().map(m -> new DeadlockCycle.Wait(m[1], m[2], m[4],
                    m[5].isEmpty() ? List.of() : List.of(m[5].split(",")))).toList()));
        }
    }

    /**
     * Waits, up to {@code maxNanos}, until every tracer's lines have been read to their end: a JVM's connection ends
     * when it exits, and what it said last (a short program's every line, if its reader started late) belongs to the
     * run. A grandchild that keeps its JVM running is not waited for beyond that.
     */
    void drain(long maxNanos) throws InterruptedException {
        long deadline = System.nanoTime() + maxNanos;
        for (Thread reader : readers) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            reader.join(Math.max(1, left / 1_000_000));
        }
    }

    void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}
