package dev.threadlab.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the launcher in the container sends to the server, on the container's stdout. Each kind belongs to one phase of
 * the run (see {@link LaunchPhase}) and has a largest payload and a largest count per run; a frame outside those bounds
 * means the stream cannot be trusted, and the server ends the run.
 */
public enum LauncherFrame {
    /** Sources received, compilation starts. */
    COMPILING('C', 0, 1),
    /** One compiler message, as {@link Diagnostic} JSON. javac stops at 100 errors and 100 warnings. */
    DIAGNOSTIC('D', 8 * 1024, 256),
    /** Compilation failed; the launcher exits. */
    COMPILE_FAILED('F', 0, 1),
    /** The program (or the test JVM) started. */
    RUNNING('R', 0, 1),
    /** Bytes of the program's stdout; the server enforces the output limit on their sum. */
    STDOUT('O', 64 * 1024, Integer.MAX_VALUE),
    STDERR('E', 64 * 1024, Integer.MAX_VALUE),
    /** A batch of trace events, one JSON object per line; the server keeps them within the trace budget. */
    TRACE('T', 1024 * 1024, Integer.MAX_VALUE),
    /** The launcher confirmed a deadlock and stopped the program; the payload names the cycle. */
    DEADLOCK('K', 64 * 1024, 1),
    /** One sealed line from the test runner (see {@link ReportSeal}), forwarded as it came. */
    TEST_REPORT('G', 4 * 1024, 4096),
    /** The container got SIGTERM, which only the engine can send now that the program runs under another uid. */
    STOPPED_FROM_OUTSIDE('S', 0, 1),
    /**
     * The launcher's last frame, in any phase: it exits now, with the {@link LauncherExit} as JSON. The server decides
     * the outcome from it at once: the engine reports the container's end only once its stdin is closed, which Docker's
     * attach API cannot do, or about 300 ms later.
     */
    EXITING('X', 64, 1),
    /**
     * From the compile service only (never part of a run, so a run's stream that carries it is rejected): one class of a
     * compilation that succeeded, {@code binary-name NUL class-file bytes}, before {@link #COMPILED}.
     */
    CLASS_FILE('L', 4 * 1024 * 1024, 4096),
    /**
     * From the compile service only: the end of its answer to one request, after its {@link #DIAGNOSTIC} and
     * {@link #CLASS_FILE} frames; the payload is {@code 1} when the sources compiled, {@code 0} when not.
     */
    COMPILED('P', 1, 1);

    private final byte code;
    private final int maxPayload;
    private final int maxCount;

    LauncherFrame(char code, int maxPayload, int maxCount) {
        this.code = (byte) code;
        this.maxPayload = maxPayload;
        this.maxCount = maxCount;
    }

    public byte code() {
        return code;
    }

    public int maxPayload() {
        return maxPayload;
    }

    public int maxCount() {
        return maxCount;
    }

    /** The kind with this code, or null. */
    public static LauncherFrame of(int code) {
        for (LauncherFrame kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }

    /** The kinds a program's run may send while it runs. */
    static final Set<LauncherFrame> WHILE_RUNNING = EnumSet.of(STDOUT, STDERR, TRACE, DEADLOCK, TEST_REPORT);
}
