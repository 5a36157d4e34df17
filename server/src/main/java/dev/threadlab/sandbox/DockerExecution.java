package dev.threadlab.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import dev.threadlab.message.Message;
import dev.threadlab.protocol.CompileOrder;
import dev.threadlab.protocol.DeadlockCycle;
import dev.threadlab.protocol.LaunchPhase;
import dev.threadlab.protocol.LauncherExit;
import dev.threadlab.protocol.ReportSeal;
import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.protocol.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** One run's container, from creation to removal. */
final class DockerExecution implements SandboxExecution {
    private static final Logger LOG = Logger.getLogger(DockerExecution.class);

    private final DockerClient docker;
    private final SandboxMetrics metrics;
    private final PhaseClock clock = new PhaseClock();
    private final SandboxConfig config;
    private final ScheduledExecutorService timers;
    private final java.util.concurrent.Executor finisher;
    private final String image;
    private final SandboxProgram program;
    private final Map<String, String> labels;
    private final SandboxListener listener;
    private final RunSpec spec;
    private final LauncherOutput launcher;
    private final Utf8Stream stdoutText = new Utf8Stream();
    private final Utf8Stream stderrText = new Utf8Stream();
    private final StringBuilder launcherErrors = new StringBuilder();
    private final AtomicLong outputBytes = new AtomicLong();
    private final AtomicReference<SandboxOutcome> stopReason = new AtomicReference<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean compilingAnnounced = new AtomicBoolean();
    private final CompletableFuture<SandboxOutcome> outcome = new CompletableFuture<>();
    private volatile LauncherContainer container;
    private volatile ScheduledFuture<?> wallTimer;
    /** When compilation began: by the compile service, or else by the run's own launcher. */
    private volatile long compileStart = System.nanoTime();

    DockerExecution(DockerClient docker, SandboxMetrics metrics, SandboxConfig config, ScheduledExecutorService timers,
            java.util.concurrent.Executor finisher, String image, Map<String, String> labels, SandboxProgram program,
            SandboxListener listener) {
        this.docker = docker;
        this.metrics = metrics;
        this.config = config;
        this.timers = timers;
        this.finisher = finisher;
        this.image = image;
        this.program = program;
        this.labels = labels;
        this.listener = listener;
        this.spec = specOf(program);
        this.launcher = new LauncherOutput(new LauncherEvents(), this::emit,
                spec.reportKey() == null ? null : ReportSeal.ofHex(spec.reportKey()), this::launcherExiting);
    }

    /** The launcher's orders; a test run gets a fresh key for the runner's seals. */
    private static RunSpec specOf(SandboxProgram program) {
        if (program.tests() != null && program.tests().schedule() != null) {
            return RunSpec.scheduled(program.tests().classes(), program.tests().schedule(), program.jvmOptions(),
                    ReportSeal.newKey()).inLanguage(program.language());
        }
        if (program.tests() != null && program.tests().modelChecked()) {
            return RunSpec.modelChecked(program.tests().classes(), program.tests().repeat(), program.jvmOptions(),
                    ReportSeal.newKey()).inLanguage(program.language()).onJdk(program.jdk());
        }
        if (program.tests() != null) {
            return RunSpec.tests(program.tests().classes(), program.tests().repeat(), program.jvmOptions(),
                    ReportSeal.newKey()).inLanguage(program.language()).onJdk(program.jdk());
        }
        return (program.isCompileOnly() ? RunSpec.compileOnly()
                : RunSpec.run(program.mainClass(), program.traceSampleHz(), program.jvmOptions()))
                .inLanguage(program.language()).onJdk(program.jdk());
    }

    /**
     * Compiles the program with the compile service, when it answers: a compilation that failed, or a program that was
     * only to be compiled, ends here without a container. Otherwise sends the program, compiled or not, to a container
     * {@code claim} gives (a pooled one whose launcher is waiting), or to a new one when that gives null.
     */
    void begin(CompileService compiler, Supplier<LauncherContainer> claim) {
        CompileAnswer.Result compiled;
        try {
            compiled = compileFirst(compiler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(SandboxOutcome.of(SandboxOutcome.Kind.CANCELLED, Message.of("outcome.serverStopping")));
            finish();
            return;
        }
        if (compiled != null && (!compiled.compiled() || program.isCompileOnly())) {
            stopReason.compareAndSet(null, compiled.compiled() ? SandboxOutcome.exited(0)
                    : SandboxOutcome.of(SandboxOutcome.Kind.COMPILE_ERROR, Message.of("outcome.compileFailed")));
            finish();
            return;
        }
        begin(claim.get(), compiled);
    }

    /** The compile service's answer, told to the listener as the launcher's would be; null when it gave none. */
    private CompileAnswer.Result compileFirst(CompileService compiler) throws InterruptedException {
        if (program.files().keySet().stream().noneMatch(name -> name.endsWith(".java"))) {
            return null;
        }
        clock.mark(PhaseClock.Mark.COMPILING);
        compileStart = System.nanoTime();
        CompileAnswer.Result compiled = compiler.compile(program.files(), new CompileOrder(program.jdk(), program.language())).orElse(null);
        if (compiled != null) {
            announceCompiling();
            if (!compiled.diagnostics().isEmpty()) {
                listener.diagnostics(compiled.diagnostics());
            }
        }
        return compiled;
    }

    private void announceCompiling() {
        if (compilingAnnounced.compareAndSet(false, true)) {
            listener.compiling();
        }
    }

    /**
     * Sends the program to {@code warm}, a pooled container whose launcher is waiting, or to a new container when it
     * is null; with its classes when the compile service compiled it ({@code compiled}, else null).
     */
    private void begin(LauncherContainer warm, CompileAnswer.Result compiled) {
        try {
            container = warm != null ? warm : LauncherContainer.start(docker, metrics, image, "threadlab-run-" + program.runId(),
                    labels, HardenedHostConfig.from(config, program.limits()), config.hardening().networkDisabled(), List.of());
            container.bind(new Output());
            LauncherStdin stdin = container.stdin();
            program.files().forEach(stdin::sendFile);
            if (compiled != null) {
                compiled.classes().forEach(stdin::sendClassFile);
            }
            if (program.tests() != null) {
                program.tests().classFiles().forEach(stdin::sendTestClass);
            }
            stdin.sendSpec(compiled != null ? spec.precompiled() : spec);
            if (program.stdin() != null) {
                stdin.sendInput(program.stdin());
                stdin.closeInput();
            }
            if (warm != null) {
                // After the frames are queued, so that the engine's update overlaps their delivery and the compilation,
                // and before this worker waits for the outcome: the program never runs at the waiting weight.
                warm.raiseCpuWeight();
            }
            if (stopReason.get() != null) {
                // Cancelled while the container was being set up.
                container.kill();
            }
            Duration compileTime = config.limits().compileTime();
            // The limit counts from the first compilation: time the compile service spent before it gave up counts.
            long left = compileTime.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - compileStart);
            timers.schedule(() -> {
                if (launcher.phase() != LaunchPhase.RUNNING) {
                    stop(SandboxOutcome.of(SandboxOutcome.Kind.TIMED_OUT,
                            Message.of("outcome.compileTimedOut", "limit", seconds(compileTime))));
                }
            }, Math.max(0, left), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(SandboxOutcome.of(SandboxOutcome.Kind.CANCELLED, Message.of("outcome.serverStopping")));
            finish();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Run %s could not start its container", program.runId());
            stopReason.compareAndSet(null, SandboxOutcome.of(SandboxOutcome.Kind.ERROR,
                    Message.of("outcome.couldNotStart", "detail", SandboxImage.rootMessage(e))));
            finish();
        }
    }

    @Override
    public void sendStdin(String text) {
        LauncherContainer current = container;
        if (current != null) {
            current.stdin().sendInput(text);
        }
    }

    @Override
    public void closeStdin() {
        LauncherContainer current = container;
        if (current != null) {
            current.stdin().closeInput();
        }
    }

    /**
     * The launcher's last frame: the outcome is decided now, from what it says. The engine would report the container's
     * end only about 300 ms later (it waits for the container's stdin to close, which Docker's attach API cannot do).
     */
    private void launcherExiting() {
        clock.mark(PhaseClock.Mark.OUTPUT_ENDED);
        finishLater();
    }

    /** Not on a Docker stream thread: closing the stream cancels further Docker calls made from it. */
    private void finishLater() {
        try {
            finisher.execute(this::finish);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            finish();
        }
    }

    @Override
    public void cancel() {
        stop(SandboxOutcome.of(SandboxOutcome.Kind.CANCELLED, Message.of("outcome.cancelled")));
    }

    @Override
    public SandboxOutcome awaitOutcome() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return SandboxOutcome.of(SandboxOutcome.Kind.ERROR, Message.of("outcome.sandboxFailed", "detail", SandboxImage.rootMessage(e)));
        }
    }

    /** Records why the run is being stopped (the first reason wins) and kills the container. */
    private void stop(SandboxOutcome reason) {
        if (ended.get() || !stopReason.compareAndSet(null, reason)) {
            return;
        }
        LauncherContainer current = container;
        if (current != null) {
            // Never on the caller's thread: when that is the attach stream's reader, Docker's kill waits for the
            // container's remaining output to be read, which that same thread would then never do.
            timers.execute(() -> {
                try {
                    current.kill();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Could not kill the container of run %s; the reaper will remove it", program.runId());
                }
            });
        }
    }

    private void onOutput(Frame frame) {
        if (stopReason.get() != null) {
            return;
        }
        switch (frame.getStreamType()) {
            case STDOUT, RAW -> {
                launcher.accept(frame.getPayload());
                if (launcher.broken()) {
                    stop(SandboxOutcome.of(SandboxOutcome.Kind.ERROR, Message.of("outcome.launcherFailed", "detail", launcher.problems().strip())));
                }
            }
            case STDERR -> {
                // Only the launcher's own complaints: the program's stderr arrives framed on stdout.
                synchronized (launcherErrors) {
                    if (launcherErrors.length() < 64 * 1024) {
                        launcherErrors.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            default -> {
            }
        }
    }

    /** Forwards program output, cutting it at the output limit. */
    private void emit(byte[] bytes, boolean isStdout) {
        if (stopReason.get() != null) {
            return;
        }
        long limit = config.limits().output().asLongValue();
        long before = outputBytes.getAndAdd(bytes.length);
        byte[] allowed = bytes;
        if (before + bytes.length > limit) {
            int keep = (int) Math.max(0, limit - before);
            allowed = java.util.Arrays.copyOf(bytes, keep);
        }
        if (allowed.length > 0) {
            if (isStdout) {
                listener.stdout(stdoutText.decode(allowed));
            } else {
                listener.stderr(stderrText.decode(allowed));
            }
        }
        if (allowed.length < bytes.length) {
            stop(SandboxOutcome.of(SandboxOutcome.Kind.OUTPUT_LIMIT,
                    Message.of("outcome.outputLimit", "bytes", config.limits().output().asLongValue())));
        }
    }

    /**
     * Runs once the launcher sent its last frame, or the attach stream ended (the container was killed, or died without
     * a word). The outcome is published before the container is removed: nobody needs to wait for the removal.
     */
    private void finish() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (wallTimer != null) {
            wallTimer.cancel(false);
        }
        SandboxOutcome result;
        try {
            result = decideOutcome();
        } catch (RuntimeException e) {
            result = SandboxOutcome.of(SandboxOutcome.Kind.ERROR, Message.of("outcome.sandboxFailed", "detail", SandboxImage.rootMessage(e)));
        }
        LauncherContainer used = container;
        if (used != null) {
            used.stdin().close();
        }
        clock.ended().forEach(metrics::phase);
        metrics.executionEnded(result.kind());
        outcome.complete(result);
        if (used != null) {
            try {
                finisher.execute(used::remove);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                used.remove();
            }
        }
    }

    private SandboxOutcome decideOutcome() {
        if (container == null) {
            return stopReason.get();
        }
        flushText();
        ContainerEnd end = containerEnd();
        SandboxOutcome stopped = stopReason.get();
        if (stopped != null) {
            return stopped;
        }
        if (launcher.stoppedFromOutside()) {
            return SandboxOutcome.of(SandboxOutcome.Kind.ERROR, Message.of("outcome.stoppedFromOutside"));
        }
        if (launcher.deadlock() != null) {
            return SandboxOutcome.of(SandboxOutcome.Kind.DEADLOCK, deadlockMessage(launcher.deadlock()));
        }
        if (end.outOfMemory()) {
            return SandboxOutcome.of(SandboxOutcome.Kind.MEMORY_LIMIT,
                    Message.of("outcome.memoryLimit", "mib", program.limits().memoryBytes(config) / (1024 * 1024)));
        }
        SandboxOutcome launcherFailed = SandboxOutcome.of(SandboxOutcome.Kind.ERROR,
                Message.of("outcome.launcherFailed", "detail", (launcherErrors + launcher.problems()).strip()));
        return switch (launcher.phase()) {
            case RUNNING -> SandboxOutcome.exited(end.exitCode());
            case COMPILE_FAILED -> SandboxOutcome.of(SandboxOutcome.Kind.COMPILE_ERROR, Message.of("outcome.compileFailed"));
            // A compile-only run ends right after compiling.
            case COMPILING -> program.isCompileOnly() && end.exitCode() == 0 ? SandboxOutcome.exited(0) : launcherFailed;
            default -> launcherFailed;
        };
    }

    /** How the container ended: the exit code, and whether the out-of-memory killer ended any of its processes. */
    private record ContainerEnd(int exitCode, boolean outOfMemory) {
    }

    /** From the launcher's last frame when it sent one and could read the OOM count, else from the engine. */
    private ContainerEnd containerEnd() {
        LauncherExit exit = launcher.exit();
        if (exit != null && exit.oomKnown() && !launcher.broken()) {
            return new ContainerEnd(exit.exitCode(), exit.oomKills() > 0);
        }
        InspectContainerResponse.ContainerState state = awaitExit();
        return new ContainerEnd(state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue(),
                Boolean.TRUE.equals(state.getOOMKilled()));
    }

    private InspectContainerResponse.ContainerState awaitExit() {
        // The attach stream ends when the container's output closes; the exit status follows right after.
        for (int attempt = 0; attempt < 500; attempt++) {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container.id()).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                return state;
            }
            if (attempt == 100) {
                container.kill();
            }
            sleep(10);
        }
        throw new IllegalStateException("the container did not stop");
    }

    private void flushText() {
        String out = stdoutText.finish();
        if (!out.isEmpty() && launcher.phase() == LaunchPhase.RUNNING) {
            listener.stdout(out);
        }
        String err = stderrText.finish();
        if (!err.isEmpty() && launcher.phase() == LaunchPhase.RUNNING) {
            listener.stderr(err);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "Deadlock: "a" waits for L held by "b"; …", as parts the page says in its reader's language. */
    static Message deadlockMessage(DeadlockCycle cycle) {
        return Message.of("outcome.deadlock", "waits", cycle.waits().stream().map(wait -> Message.of(
                wait.holds().isEmpty() ? "outcome.deadlockWait" : "outcome.deadlockWaitHolding", "thread",
                wait.thread(), "lock", wait.lock(), "owner", wait.owner(), "holds", String.join(", ", wait.holds())))
                .toList());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The container's output, bound to this run. */
    private final class Output implements LauncherContainer.Sink {
        @Override
        public void output(Frame frame) {
            onOutput(frame);
        }

        @Override
        public void ended(Throwable error) {
            clock.mark(PhaseClock.Mark.OUTPUT_ENDED);
            if (error != null && !ended.get() && stopReason.get() == null) {
                LOG.warnf(error, "Run %s lost its container's output stream", program.runId());
                stop(SandboxOutcome.of(SandboxOutcome.Kind.ERROR, Message.of("outcome.connectionLost", "detail", SandboxImage.rootMessage(error))));
            }
            finishLater();
        }
    }

    /** Launcher reports, plus the wall-clock timer that starts with the program. */
    private final class LauncherEvents implements SandboxListener {
        @Override
        public void compiling() {
            clock.mark(PhaseClock.Mark.COMPILING);
            announceCompiling();
        }

        @Override
        public void diagnostics(java.util.List<CompileDiagnostic> diagnostics) {
            listener.diagnostics(diagnostics);
        }

        @Override
        public void running() {
            clock.mark(PhaseClock.Mark.RUNNING);
            Duration wallTime = program.limits().wallTime(config);
            wallTimer = timers.schedule(() -> stop(SandboxOutcome.of(SandboxOutcome.Kind.TIMED_OUT,
                    Message.of("outcome.timedOut", "limit", seconds(wallTime)))),
                    wallTime.toMillis(), TimeUnit.MILLISECONDS);
            listener.running();
        }

        @Override
        public void stdout(String text) {
            listener.stdout(text);
        }

        @Override
        public void stderr(String text) {
            listener.stderr(text);
        }

        @Override
        public void trace(String jsonLines) {
            if (stopReason.get() == null) {
                listener.trace(jsonLines);
            }
        }

        @Override
        public void testReport(TestReport report) {
            listener.testReport(report);
        }

        @Override
        public void scheduleStep(RunnerReport.ScheduleStep step) {
            listener.scheduleStep(step);
        }

        @Override
        public void testsFinished() {
            listener.testsFinished();
        }
    }
}
