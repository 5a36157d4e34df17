package dev.threadlab.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the kernel's per-task counters of the program and all its descendants, by default every 2 ms (500 Hz), less
 * often when a pass costs more than a tenth of that (hundreds of threads).
 *
 * <p>Cost control, measured in the sandbox: a pread of an open {@code /proc/.../stat} costs about 4 us and listing
 * {@code /proc} about 150 us. So the files stay open and are re-read at offset 0; directories are listed again only
 * when {@code /proc/loadavg}'s last-allocated pid moved (every new process or thread in the container's pid namespace
 * moves it); {@code schedstat} is read only for runnable tasks; and idle JVM-internal threads are sampled every
 * 20 ms instead of every 2 ms.
 *
 * <p>Running versus waiting for a CPU: both are state {@code R}. A runnable task whose CPU time did not grow over
 * two samples in a row was waiting, from the first of them on.
 */
final class ProcSampler implements Runnable {
    private final long tickNanos;
    private static final long FLUSH_NANOS = 80_000_000;
    private static final long IDLE_AFTER_NANOS = 100_000_000;
    private static final int IDLE_EVERY_TICKS = 10;
    private static final int WARM_UP_PASSES = 60;
    /**
     * A pass may cost at most 1/{@value} of the time until the next: a 200-thread program costs about 1 ms a pass
     * (two reads of about 4 us per thread), so it is sampled every 50 ms rather than every 2 ms. Measured with the
     * trace benchmark's 200-thread queue: at 500 Hz tracing slowed it by 42 %, at a 1/25 share by 26 %; at 1/50 the
     * whole trace adds 12-20 % (docs/benchmarks/trace.md), and 1/100 was no better within the noise. A program of
     * 20 threads is still sampled at about 200 Hz.
     */
    private static final int COST_SHARE = 50;
    /** One slow pass (a burst of new threads to open) must not stop sampling for long. */
    private static final long MAX_TICK_NANOS = 50_000_000;

    private final TraceRecorder recorder;
    private final long programPid;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
    private final byte[] bytes = new byte[4096];
    private final Map<Long, Proc> processes = new HashMap<>();
    private final Map<Long, Task> tasks = new HashMap<>();
    private FileChannel loadavg;
    private String lastPid = "";
    private long tick;
    private long lastFlush;
    private volatile boolean stopping;

    ProcSampler(TraceRecorder recorder, long programPid, int sampleHz) {
        this.recorder = recorder;
        this.tickNanos = 1_000_000_000L / sampleHz;
        this.programPid = programPid;
    }

    /**
     * Samples the launcher's own process for a while and forgets what it saw. A cold sampler (class loading,
     * interpreted code) needed about 60 ms for its first pass while the program's JVM started beside it, long enough
     * to miss a short program entirely; warmed up while the sources compile, it costs the run nothing.
     */
    static void warmUp() {
        ProcSampler sampler = new ProcSampler(new TraceRecorder(batch -> { }, System.nanoTime()),
                ProcessHandle.current().pid(), 500);
        try {
            sampler.loadavg = FileChannel.open(Path.of("/proc/loadavg"));
            for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                sampler.lastPid = "";
                sampler.sample(System.nanoTime());
            }
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: the real sampler reports its own problems.
        } finally {
            sampler.tasks.values().forEach(Task::close);
            try {
                if (sampler.loadavg != null) {
                    sampler.loadavg.close();
                }
            } catch (IOException ignored) {
                // Nothing to release.
            }
        }
    }

    /** Takes a last sample and returns once the sampler thread has sent everything. */
    void stop(Thread samplerThread) throws InterruptedException {
        stopping = true;
        // It may be parked until its next pass, tens of milliseconds away with many threads: the run's end waits.
        LockSupport.unpark(samplerThread);
        samplerThread.join(2000);
    }

    @Override
    public void run() {
        try {
            loadavg = FileChannel.open(Path.of("/proc/loadavg"));
            long next = System.nanoTime();
            while (!stopping) {
                long started = System.nanoTime();
                sample(started);
                next += Math.max(tickNanos, Math.min(MAX_TICK_NANOS, (System.nanoTime() - started) * COST_SHARE));
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime();
                }
            }
            long now = System.nanoTime();
            lastPid = "";
            sample(now);
            recorder.finish(now);
        } catch (IOException | RuntimeException e) {
            System.err.println("threadlab: trace sampling stopped: " + e);
        }
    }

    private void sample(long now) throws IOException {
        tick++;
        String newest = lastAllocatedPid();
        if (!newest.equals(lastPid)) {
            lastPid = newest;
            discover(now);
        }
        for (Iterator<Task> it = tasks.values().iterator(); it.hasNext(); ) {
            Task task = it.next();
            if (recorder.excludedThreads.contains(task.tid)) {
                task.close();
                it.remove();
                continue;
            }
            if (task.idleSince != 0 && now - task.idleSince > IDLE_AFTER_NANOS && tick % IDLE_EVERY_TICKS != 0
                    && !recorder.applicationThreads.contains(task.tid)) {
                continue;
            }
            if (!read(task, now)) {
                task.close();
                it.remove();
                recorder.threadEnd(now, task.tid, task.cpuMs);
            }
        }
        endFinishedProcesses(now);
        if (now - lastFlush >= FLUSH_NANOS) {
            lastFlush = now;
            refreshCommands(now);
            recorder.flush(now);
        }
    }

    /** Reads one task's state; false once the task is gone. */
    private boolean read(Task task, long now) {
        int length = readInto(task.stat);
        if (length <= 0) {
            return false;
        }
        return parse(task, now, length);
    }

    private boolean parse(Task task, long now, int length) {
        int close = lastIndexOf(')', length);
        if (close < 0 || close + 2 >= length) {
            return false;
        }
        char state = (char) bytes[close + 2];
        if (state == 'Z' || state == 'X') {
            return false;
        }
        noticeRename(task, close, length, now);
        // Fields after the command name, counted from the state (field 3): utime 14, stime 15, processor 39.
        long utime = field(close + 2, length, 14 - 3);
        long stime = field(close + 2, length, 15 - 3);
        int cpu = (int) field(close + 2, length, 39 - 3);
        long cpuMs = (utime + stime) * 10;
        task.cpuMs = cpuMs;
        char reported = state;
        if (state == 'R') {
            long exec = execNanos(task);
            if (exec > task.exec || task.exec < 0) {
                task.stalledSince = 0;
            } else if (task.stalledSince == 0) {
                task.stalledSince = now;
                reported = task.lastReported;
            } else {
                reported = 'r';
            }
            task.exec = exec;
            task.idleSince = 0;
        } else {
            task.stalledSince = 0;
            if (state != task.lastState) {
                task.idleSince = now;
            }
        }
        task.lastState = state;
        if (reported != task.lastReported || cpu != task.lastCpu) {
            long at = reported == 'r' ? task.stalledSince : now;
            recorder.osState(at, task.tid, reported, cpu, cpuMs);
            task.lastReported = reported;
            task.lastCpu = cpu;
        }
        return true;
    }

    /**
     * A new process first runs as a copy of its parent (and, for Java's ProcessBuilder, as jspawnhelper) and takes
     * its own name on exec; the command line is checked every flush so that no exec goes unnoticed.
     */
    private void refreshCommands(long now) {
        for (Proc proc : processes.values()) {
            if (proc.ended) {
                continue;
            }
            String command = commandLine(proc.pid);
            if (!command.isEmpty() && !command.equals(proc.command)) {
                proc.command = command;
                recorder.process(now, proc.pid, parentOf(proc.pid), comm(Path.of("/proc", Long.toString(proc.pid))), command);
            }
        }
    }

    /** A thread that renames itself (or a process that execs) gets a new name in the trace. */
    private void noticeRename(Task task, int close, int length, long now) {
        int open = 0;
        while (open < close && bytes[open] != '(') {
            open++;
        }
        int hash = nameHash(bytes, open + 1, close);
        if (hash == task.nameHash) {
            return;
        }
        task.nameHash = hash;
        String name = new String(bytes, open + 1, Math.max(0, close - open - 1), StandardCharsets.UTF_8);
        recorder.thread(now, task.pid, task.tid, name);
    }

    private static int nameHash(byte[] name, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + name[i];
        }
        return hash;
    }

    private long execNanos(Task task) {
        try {
            if (task.schedstat == null) {
                task.schedstat = FileChannel.open(task.dir.resolve("schedstat"));
            }
        } catch (IOException gone) {
            return task.exec;
        }
        int length = readInto(task.schedstat);
        long value = 0;
        for (int i = 0; i < length && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    /** Lists the program's processes and their threads again; only called when a pid or tid was allocated. */
    private void discover(long now) throws IOException {
        List<long[]> candidates = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : proc) {
                long pid = parsePid(entry.getFileName().toString());
                if (pid > 0 && !processes.containsKey(pid)) {
                    long ppid = parentOf(pid);
                    if (ppid >= 0) {
                        candidates.add(new long[] {pid, ppid});
                    }
                }
            }
        }
        // Parents usually come first, but a recycled pid can put a child before its parent: repeat until stable.
        boolean added = true;
        while (added) {
            added = false;
            for (Iterator<long[]> it = candidates.iterator(); it.hasNext(); ) {
                long[] c = it.next();
                if (c[0] == programPid || processes.containsKey(c[1])) {
                    Proc proc = new Proc(c[0]);
                    processes.put(c[0], proc);
                    proc.command = commandLine(c[0]);
                    recorder.process(now, c[0], c[1], comm(Path.of("/proc", Long.toString(c[0]))), proc.command);
                    it.remove();
                    added = true;
                }
            }
        }
        for (Proc proc : processes.values()) {
            if (!proc.ended) {
                discoverThreads(proc, now);
            }
        }
    }

    private void discoverThreads(Proc proc, long now) {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc", Long.toString(proc.pid), "task"))) {
            for (Path taskDir : dir) {
                long tid = parsePid(taskDir.getFileName().toString());
                if (tid <= 0 || tasks.containsKey(tid) || proc.ignored.contains(tid)) {
                    continue;
                }
                String name = comm(taskDir);
                if (name.equals(TraceRecorder.TRACER_THREAD) || recorder.excludedThreads.contains(tid)) {
                    proc.ignored.add(tid);
                    continue;
                }
                try {
                    Task task = new Task(proc.pid, tid, taskDir, FileChannel.open(taskDir.resolve("stat")));
                    // The name as reported: a rename between reading comm and the first stat is still noticed.
                    byte[] reported = name.getBytes(StandardCharsets.UTF_8);
                    task.nameHash = nameHash(reported, 0, reported.length);
                    tasks.put(tid, task);
                    proc.threads.add(tid);
                    recorder.thread(now, proc.pid, tid, name);
                    if (!read(task, now)) {
                        task.close();
                        tasks.remove(tid);
                        recorder.threadEnd(now, tid, 0);
                    }
                } catch (IOException gone) {
                    // The thread ended while being listed.
                }
            }
        } catch (IOException processGone) {
            // Ended between listing and reading; endFinishedProcesses notices.
        }
    }

    private void endFinishedProcesses(long now) {
        for (Proc proc : processes.values()) {
            if (!proc.ended && !proc.threads.isEmpty() && proc.threads.stream().noneMatch(tasks::containsKey)) {
                proc.ended = true;
                recorder.processEnd(now, proc.pid);
            }
        }
    }

    private String lastAllocatedPid() throws IOException {
        int length = readInto(loadavg);
        int space = lastIndexOf(' ', length);
        return new String(bytes, space + 1, Math.max(0, length - space - 1), StandardCharsets.US_ASCII).strip();
    }

    private long parentOf(long pid) {
        try (FileChannel stat = FileChannel.open(Path.of("/proc", Long.toString(pid), "stat"))) {
            int length = readInto(stat);
            int close = lastIndexOf(')', length);
            return close < 0 ? -1 : field(close + 2, length, 4 - 3);
        } catch (IOException gone) {
            return -1;
        }
    }

    private static String comm(Path dir) {
        try {
            return Files.readString(dir.resolve("comm")).strip();
        } catch (IOException gone) {
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

    private int readInto(FileChannel channel) {
        try {
            buffer.clear();
            int length = channel.read(buffer, 0);
            if (length <= 0) {
                return length;
            }
            buffer.flip();
            buffer.get(bytes, 0, length);
            return length;
        } catch (IOException gone) {
            return -1;
        }
    }

    private int lastIndexOf(char c, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The numeric field {@code index} places after position {@code from} (fields are separated by one space). */
    private long field(int from, int length, int index) {
        int i = from;
        for (int skipped = 0; skipped < index && i < length; i++) {
            if (bytes[i] == ' ') {
                skipped++;
            }
        }
        long value = 0;
        boolean negative = i < length && bytes[i] == '-';
        if (negative) {
            i++;
        }
        for (; i < length && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return negative ? -value : value;
    }

    private static long parsePid(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return name.isEmpty() ? -1 : Long.parseLong(name);
    }

    private static final class Proc {
        final long pid;
        final List<Long> threads = new ArrayList<>();
        final java.util.Set<Long> ignored = new java.util.HashSet<>();
        String command;
        boolean ended;

        Proc(long pid) {
            this.pid = pid;
        }
    }

    private static final class Task {
        final long pid;
        final long tid;
        final Path dir;
        final FileChannel stat;
        FileChannel schedstat;
        long exec = -1;
        long stalledSince;
        long idleSince;
        /** CPU time used so far, as last read; reported when the thread ends. */
        long cpuMs;
        char lastState;
        char lastReported;
        int nameHash;
        int lastCpu = -1;

        Task(long pid, long tid, Path dir, FileChannel stat) {
            this.pid = pid;
            this.tid = tid;
            this.dir = dir;
            this.stat = stat;
        }

        void close() {
            try {
                stat.close();
                if (schedstat != null) {
                    schedstat.close();
                }
            } catch (IOException ignored) {
                // Nothing to release.
            }
        }
    }
}
