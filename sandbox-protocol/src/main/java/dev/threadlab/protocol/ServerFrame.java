package dev.threadlab.protocol;

/**
 * What the server sends to the launcher, on the container's stdin (Docker's attach API cannot signal end-of-file, so
 * stdin is framed). Order: {@link #SOURCE}, {@link #CLASS_FILE} and {@link #TEST_CLASS} frames, then one
 * {@link #RUN_SPEC}, then any number of {@link #STDIN} frames and at most one {@link #STDIN_END}.
 *
 * <p>The compile service (the launcher started with {@code --compile-server}) reads requests made of {@link #SOURCE}
 * frames closed by one {@link #COMPILE}, any number of them, one after another.
 */
public enum ServerFrame {
    /** A learner source file: {@code path NUL UTF-8 text}. */
    SOURCE('F', 1024 * 1024),
    /**
     * A class of the learner's program, compiled by the compile service: {@code binary-name NUL class-file bytes}. The
     * run spec then says {@link RunSpec#compiled()}, and the launcher does not compile.
     */
    CLASS_FILE('B', 4 * 1024 * 1024),
    /** A hidden test class, compiled by the server: {@code binary-name NUL class-file bytes}. Never source. */
    TEST_CLASS('X', 4 * 1024 * 1024),
    /** The {@link RunSpec} as JSON; the launcher starts once it has it. */
    RUN_SPEC('R', 64 * 1024),
    /** Bytes for the program's stdin. */
    STDIN('I', 1024 * 1024),
    /** End of the program's stdin. */
    STDIN_END('E', 0),
    /**
     * To the compile service: compile the {@link #SOURCE} frames sent since the last request, for the release and with
     * the compiler's messages in the language this payload names ({@link CompileOrder}).
     */
    COMPILE('P', CompileOrder.MAX_BYTES);

    private final byte code;
    private final int maxPayload;

    ServerFrame(char code, int maxPayload) {
        this.code = (byte) code;
        this.maxPayload = maxPayload;
    }

    public byte code() {
        return code;
    }

    public int maxPayload() {
        return maxPayload;
    }

    public static ServerFrame of(int code) {
        for (ServerFrame kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
