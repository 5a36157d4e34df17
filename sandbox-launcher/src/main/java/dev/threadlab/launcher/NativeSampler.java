package dev.threadlab.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The kernel's view of the program's threads, from the native sampler ({@code src/main/c/threadlab-sampler.c}, which
 * documents its lines), fed into the run's {@link TraceRecorder}. The sampler reads {@code /proc} by default 500 times
 * a second (less often with hundreds of threads); this class only applies what changed.
 *
 * <p>Why native: the same sampler in the launcher's JVM made that JVM's JIT compiler work about 45 ms of CPU more per
 * traced run of the trace benchmark's 200-thread program, on the 2 CPUs the program runs on (docs/benchmarks/trace.md).
 */
final class NativeSampler implements Runnable {
    /** Where the image installs it (see the Dockerfile); tests point {@code threadlab.sampler} at their build's. */
    static final Path BINARY = Path.of(System.getProperty("threadlab.sampler", "/opt/sandbox/lib/native/threadlab-sampler"));
    private static final HexFormat HEX = HexFormat.of();
    /** About 60 samples of the launcher's threads, as many as the Java sampler's warm-up took. */
    private static final long WARM_UP_MILLIS = 150;

    private final TraceRecorder recorder;
    /** Null when lines are replayed rather than sampled ({@link #replay}). */
    private final Process sampler;
    private final InputStream lines;
    private final OutputStream commands;
    /** What the sampler was told, to tell it only what changed. */
    private final Set<Long> sentExcluded = new HashSet<>();
    private final Set<Long> sentApplication = new HashSet<>();
    /** Each process's command line as last reported: a new process runs as a copy of its parent until it execs. */
    private final Map<Long, String> commandLines = new HashMap<>();
    private final Map<Long, Long> parents = new HashMap<>();
    private boolean finished;

    /**
     * Samples the launcher's own process for a moment and forgets what it saw, so that a run's recorder and this
     * class are loaded and compiled before the run: without it, a traced hello world's run took about 30 ms longer
     * (the trace benchmark, 31 pairs), the launcher interpreting them while it finished the run.
     */
    static void warmUp() {
        try {
            NativeSampler sampler = new NativeSampler(new TraceRecorder(batch -> { }, System.nanoTime()), 500);
            Thread reader = SandboxLauncher.daemon(sampler, "sampler-warm-up");
            reader.start();
            sampler.begin(ProcessHandle.current().pid());
            Thread.sleep(WARM_UP_MILLIS);
            sampler.stop(reader);
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: the run's sampler reports its own problems.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the sampler, which waits for {@link #begin}: a process started beside a starting JVM slows it down. */
    NativeSampler(TraceRecorder recorder, int sampleHz) throws IOException {
        this(recorder, new ProcessBuilder(BINARY.toString(), Integer.toString(sampleHz), TraceRecorder.TRACER_THREAD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    private NativeSampler(TraceRecorder recorder, Process sampler) {
        this(recorder, sampler, sampler.getInputStream(), sampler.getOutputStream());
    }

    private NativeSampler(TraceRecorder recorder, Process sampler, InputStream lines, OutputStream commands) {
        this.recorder = recorder;
        this.sampler = sampler;
        this.lines = lines;
        this.commands = commands;
    }

    /**
     * Applies {@code lines}, written as the sampler writes them, to {@code recorder}, with no sampler behind them: the
     * warm-up's ({@link TracePathWarmUp}).
     */
    static void replay(TraceRecorder recorder, InputStream lines) {
        new NativeSampler(recorder, null, lines, OutputStream.nullOutputStream()).run();
    }

    /** Samples {@code programPid} and its descendants from now on. */
    void begin(long programPid) throws IOException {
        commands.write((programPid + "\n").getBytes(StandardCharsets.US_ASCII));
        commands.flush();
    }

    /** Asks for a last sample and returns once its lines have all been applied (or the sampler is gone). */
    void stop(Thread readerThread) throws InterruptedException {
        try {
            commands.write("stop\n".getBytes(StandardCharsets.US_ASCII));
            commands.flush();
        } catch (IOException gone) {
            // It ended already; its last lines are read all the same.
        }
        readerThread.join(2000);
        sampler.destroy();
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(lines, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("S\t")) {
                    state(line);
                } else {
                    apply(line.split("\t", -1));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("threadlab: trace sampling stopped: " + e);
        }
        if (!finished) {
            recorder.finish(System.nanoTime());
        }
    }

    /**
     * An S line, read without splitting it: most of the sampler's lines are these (every state change of every
     * thread), and splitting made five strings of each.
     */
    private void state(String line) throws IOException {
        int atEnd = line.indexOf('\t', 2);
        int tidEnd = line.indexOf('\t', atEnd + 1);
        int stateEnd = line.indexOf('\t', tidEnd + 1);
        int cpuEnd = line.indexOf('\t', stateEnd + 1);
        if (atEnd < 0 || tidEnd < 0 || stateEnd != tidEnd + 2 || cpuEnd < 0) {
            throw new IOException("malformed sampler line " + line);
        }
        recorder.osState(Long.parseLong(line, 2, atEnd, 10), Long.parseLong(line, atEnd + 1, tidEnd, 10),
                line.charAt(tidEnd + 1), Integer.parseInt(line, stateEnd + 1, cpuEnd, 10),
                Long.parseLong(line, cpuEnd + 1, line.length(), 10));
    }

    private void apply(String[] f) throws IOException {
        switch (f[0]) {
            case "T" -> recorder.thread(num(f[1]), num(f[2]), num(f[3]), name(f[4]));
            case "E" -> recorder.threadEnd(num(f[1]), num(f[2]), num(f[3]));
            case "P" -> newProcess(num(f[1]), num(f[2]), num(f[3]));
            case "X" -> {
                commandLines.remove(num(f[2]));
                recorder.processEnd(num(f[1]), num(f[2]));
            }
            case "F" -> {
                refreshCommands(num(f[1]));
                recorder.flush(num(f[1]));
                updateSampler();
            }
            case "D" -> {
                finished = true;
                recorder.finish(num(f[1]));
            }
            default -> throw new IOException("unknown sampler line " + f[0]);
        }
    }

    private void newProcess(long nanos, long pid, long ppid) {
        String command = commandLine(pid);
        commandLines.put(pid, command);
        parents.put(pid, ppid);
        recorder.process(nanos, pid, ppid, comm(pid), command);
    }

    /** Notices every exec, checked each flush: the sampler reports a process once, when it appears. */
    private void refreshCommands(long nanos) {
        commandLines.replaceAll((pid, known) -> {
            String command = commandLine(pid);
            if (!command.isEmpty() && !command.equals(known)) {
                recorder.process(nanos, pid, parents.get(pid), comm(pid), command);
                return command;
            }
            return known;
        });
    }

    /** Tells the sampler which threads the recorder now knows as the tracers' own, and which run learner code. */
    private void updateSampler() throws IOException {
        StringBuilder update = new StringBuilder();
        for (Long tid : recorder.excludedThreads) {
            if (sentExcluded.add(tid)) {
                update.append("x ").append(tid).append('\n');
            }
        }
        Set<Long> application = Set.copyOf(recorder.applicationThreads);
        for (Long tid : application) {
            if (sentApplication.add(tid)) {
                update.append("a ").append(tid).append('\n');
            }
        }
        for (var it = sentApplication.iterator(); it.hasNext(); ) {
            Long tid = it.next();
            if (!application.contains(tid)) {
                it.remove();
                update.append("n ").append(tid).append('\n');
            }
        }
        if (!update.isEmpty()) {
            commands.write(update.toString().getBytes(StandardCharsets.US_ASCII));
            commands.flush();
        }
    }

    private static long num(String field) {
        return Long.parseLong(field);
    }

    /** The kernel keeps the bytes a thread named itself with, which need not be UTF-8. */
    private static String name(String hex) {
        return new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String text = TracedJvm.asWritten(new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip());
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        } catch (IOException gone) {
            return "";
        }
    }
}
