package dev.threadlab.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the launcher's share of the trace at a lower CPU priority than the program it traces (nice {@value #NICE}): the
 * {@code /proc} sampler, the readers of the tracers' lines and the launcher's JIT compiler, which compiles them.
 *
 * <p>Why: a program bound by hand-overs of a contended lock (the trace benchmark's 200-thread queue) stalls whenever a
 * thread that wakes up beside it preempts the lock's holder, so the trace costs it more wall time than its CPU. A thread
 * at nice 10 hardly ever preempts one at nice 0 when it wakes, and still gets about a tenth of a busy CPU, more than the
 * sampler takes (it limits itself to 1/50 of the time). Measured with {@code bench/ImageTraceCost.java}, the queue's
 * work time added by the trace, 21 pairs a round, each round alternating the image without and with this: +21.5 %
 * against +19.6 %, +38.9 % against +30.0 %; with the tracer's thread lowered as well, +25.4 % against +22.1 %, +34.7 %
 * against +30.6 %. So a few points, not the budget's 10 %.
 *
 * <p>Not lowered: the tracer's thread inside the program's JVM. Every safepoint of that JVM waits until all its Java
 * threads reach it, a lowered one too, and a busy program then keeps it off the CPU: with the tracer at nice 10, a
 * garbage-collecting program's main thread spent 295 ms waiting for collections to begin (drawn as I/O) against 993
 * ms in them.
 *
 * <p>A Linux thread inherits the nice value of the thread that starts it, so the trace threads are started from one
 * thread that lowered itself once, while the launcher waits for its run. Lowering one's own threads needs no
 * privilege. Where it fails, they run at the default priority: the trace then costs more, and is otherwise the same.
 */
final class LowPriority {
    static final int NICE = 10;
    /** The names HotSpot gives its JIT compiler threads, as the kernel shows them (15 characters at most). */
    private static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(body -> {
        Thread thread = new Thread(body, "low-priority-starter");
        thread.setDaemon(true);
        return thread;
    });
    private static final Future<Boolean> LOWERED = STARTER.submit(LowPriority::lowerStarterAndCompilers);

    private LowPriority() {
    }

    /** Lowers the starter thread and this JVM's compilers now, so that a run does not wait for it. */
    static boolean prepare() {
        try {
            return LOWERED.get();
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code thread} at the lower priority, and returns once it is started (or, if the caller is interrupted
     * meanwhile, at once: the starter still starts it).
     */
    static void start(Thread thread) {
        prepare();
        try {
            STARTER.submit(thread::start).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not start " + thread.getName(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean lowerStarterAndCompilers() throws IOException, InterruptedException {
        List<Long> tids = new ArrayList<>(compilerThreads());
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        tids.add(Long.parseLong(self.substring(self.lastIndexOf('/') + 1)));
        return new ProcessBuilder(renice(tids)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    /** The JIT compiler threads of this JVM. */
    private static List<Long> compilerThreads() throws IOException {
        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (COMPILER_THREADS.contains(Files.readString(task.resolve("comm")).strip())) {
                        tids.add(Long.parseLong(task.getFileName().toString()));
                    }
                } catch (IOException ended) {
                    // A thread that ended meanwhile.
                }
            }
        }
        return tids;
    }

    /** util-linux's renice sets the nice value given (it does not add to it without --relative). */
    private static List<String> renice(List<Long> tids) {
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(NICE), "-p"));
        tids.forEach(tid -> command.add(Long.toString(tid)));
        return command;
    }
}
