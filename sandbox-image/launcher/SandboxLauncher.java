import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Entry point of every sandbox container.
 *
 * <p>The server speaks to it over the container's stdin in frames: {@code kind(1 byte) length(4 bytes) payload}.
 * {@code F} = a source file ("name\0content"), {@code R} = compile and run the main class in the payload,
 * {@code I} = bytes for the program's stdin, {@code E} = end of the program's stdin. Framing is needed because
 * Docker's attach API cannot signal end-of-file on stdin.
 *
 * <p>Until the program starts, this launcher reports on stdout with lines starting with {@link #MARK}; once it
 * prints {@code RUNNING} it never writes again, so everything after that is the program's own output. The
 * launcher exits with the program's exit code.
 */
public final class SandboxLauncher {
    static final String MARK = "\u001eTL ";
    static final Path SOURCES = Path.of("/work/src");
    static final Path CLASSES = Path.of("/work/classes");

    public static void main(String[] args) throws Exception {
        DataInputStream in = new DataInputStream(System.in);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Files.createDirectories(SOURCES);
        Files.createDirectories(CLASSES);
        List<Path> javaFiles = new ArrayList<>();
        String mainClass = null;
        while (mainClass == null) {
            int kind = in.read();
            if (kind < 0) {
                throw new EOFException("stdin closed before the run frame");
            }
            byte[] payload = readPayload(in);
            switch (kind) {
                case 'F' -> javaFiles.add(writeSource(payload));
                case 'R' -> mainClass = new String(payload, StandardCharsets.UTF_8);
                default -> throw new IOException("unexpected frame " + kind + " before the run frame");
            }
        }
        out.println(MARK + "COMPILING");
        if (!compile(javaFiles, out)) {
            out.println(MARK + "COMPILE_FAILED");
            System.exit(1);
        }
        // Report first: the program's own output must not reach stdout before this line.
        out.println(MARK + "RUNNING");
        Process program = new ProcessBuilder("java", "-cp", CLASSES.toString(), mainClass)
                .directory(Path.of("/work").toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread relay = new Thread(() -> relayStdin(in, program.getOutputStream()), "stdin-relay");
        relay.setDaemon(true);
        relay.start();
        System.exit(program.waitFor());
    }

    private static byte[] readPayload(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    private static Path writeSource(byte[] payload) throws IOException {
        int nul = 0;
        while (payload[nul] != 0) {
            nul++;
        }
        String name = new String(payload, 0, nul, StandardCharsets.UTF_8);
        Path target = SOURCES.resolve(name).normalize();
        if (!target.startsWith(SOURCES)) {
            throw new IOException("file name outside the source folder: " + name);
        }
        Files.createDirectories(target.getParent());
        try (OutputStream file = Files.newOutputStream(target)) {
            file.write(payload, nul + 1, payload.length - nul - 1);
        }
        return target;
    }

    private static boolean compile(List<Path> javaFiles, PrintStream out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", CLASSES.toString(), "-encoding", "UTF-8", "-Xmaxerrs", "100", "-Xlint:-options");
            ok = javaFiles.isEmpty() || javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(javaFiles)).call();
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String file = d.getSource() == null ? "" : SOURCES.relativize(Path.of(d.getSource().toUri())).toString();
            out.println(MARK + "DIAGNOSTIC {\"file\":" + json(file)
                    + ",\"line\":" + d.getLineNumber()
                    + ",\"column\":" + d.getColumnNumber()
                    + ",\"severity\":" + json(d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning")
                    + ",\"message\":" + json(d.getMessage(Locale.ENGLISH)) + "}");
        }
        return ok;
    }

    private static void relayStdin(DataInputStream in, OutputStream programStdin) {
        try (programStdin) {
            while (true) {
                int kind = in.read();
                if (kind < 0 || kind == 'E') {
                    return;
                }
                byte[] payload = readPayload(in);
                if (kind == 'I') {
                    programStdin.write(payload);
                    programStdin.flush();
                }
            }
        } catch (IOException programStoppedReading) {
            // The program closed its stdin or ended; remaining input has nowhere to go.
        }
    }

    /** A JSON string literal; this image has no JSON library and needs only strings. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private SandboxLauncher() {
    }
}
