package dev.threadlab.launcher;

import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.ProtocolViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compile service: one long-lived JVM, in a container of its own, that compiles one request after another with a
 * compiler that stays warm. Measured in the sandbox image on 2 cores: a hello world takes 5-10 ms here, against 45 ms
 * in a pooled launcher whose compiler was warmed once, and that warm-up alone costs each pooled container 260-280 ms of
 * CPU. No learner code runs here (annotation processing is off, see {@link Compilation}); the server restarts the
 * service when it fails or takes too long, and meanwhile lets the run's own launcher compile.
 *
 * <p>Each request is compiled in folders of its own, removed after the answer, so nothing of one learner's sources or
 * classes is left for the next request. The answer: {@link LauncherFrame#DIAGNOSTIC}s, the class files when it
 * compiled ({@link LauncherFrame#CLASS_FILE}), then {@link LauncherFrame#COMPILED}.
 */
final class CompileServer {
    /**
     * Measured in the sandbox image (2 cores, serial GC): javac compiles a hello world in 48 ms the first time, 11-12 ms
     * the 50th and 5-7 ms from the 300th; the service answers only once this is done (the server sends a probe first).
     */
    private static final int WARM_UP_COMPILATIONS = 300;

    private final ServerInput input;
    private final Frames frames;
    private final Path scratch;

    CompileServer(InputStream requests, Frames frames, Path scratch) {
        this.input = new ServerInput(requests);
        this.frames = frames;
        this.scratch = scratch;
    }

    /** Compiles a small class until the compiler's hot code is compiled by the JIT (about 2 s of CPU, once). */
    static void warmUp() {
        for (int i = 0; i < WARM_UP_COMPILATIONS; i++) {
            Compilation.warmUp();
        }
    }

    /** Answers requests until the server closes the stream. */
    void serve() throws IOException, ProtocolViolation {
        while (answerNext()) {
            // one request each time round
        }
    }

    /** Returns false when there was no request left. */
    boolean answerNext() throws IOException, ProtocolViolation {
        Path request = Files.createTempDirectory(scratch, "request");
        try {
            Path sources = request.resolve("src");
            Path classes = request.resolve("classes");
            Files.createDirectories(sources);
            ServerInput.CompileRequest received = input.readCompileRequest(sources);
            if (received == null) {
                return false;
            }
            boolean ok = new Compilation(frames, received.order().locale(), received.order().jdk()).compile(received.sources(), sources, classes,
                    List.of());
            if (ok) {
                sendClasses(classes);
            }
            frames.send(LauncherFrame.COMPILED, ok ? "1" : "0");
            return true;
        } finally {
            Compilation.deleteQuietly(request);
        }
    }

    private void sendClasses(Path classes) throws IOException {
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                byte[] payload = Frame.named(Compilation.binaryName(classes, file), Files.readAllBytes(file));
                frames.send(LauncherFrame.CLASS_FILE, payload, payload.length);
            }
        }
    }
}
