package dev.threadlab.launcher;

import dev.threadlab.protocol.CompileOrder;
import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.ProtocolViolation;
import dev.threadlab.protocol.RunSpec;
import dev.threadlab.protocol.ServerFrame;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's frames on the container's stdin: first the sources, the program's classes when the compile service
 * compiled it, and the hidden test classes, then the {@link RunSpec}, then the program's stdin. For the compile service,
 * one request after another: sources, then {@link ServerFrame#COMPILE}.
 */
final class ServerInput {
    private final DataInputStream in;
    final List<Path> sources = new ArrayList<>();
    final List<String> testClasses = new ArrayList<>();
    RunSpec spec;

    ServerInput(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /** Reads until the run spec, writing sources, program classes and test classes where they belong. */
    void readSetup(Path sourceDir, Path classDir, Path testClassDir) throws IOException, ProtocolViolation {
        while (spec == null) {
            Frame frame = next();
            if (frame == null) {
                throw new EOFException("stdin closed before the run spec");
            }
            switch (kind(frame)) {
                case SOURCE -> sources.add(write(sourceDir, frame.name(), frame.content()));
                case CLASS_FILE -> write(classDir, classFile(frame.name()), frame.content());
                case TEST_CLASS -> {
                    testClasses.add(frame.name());
                    write(testClassDir, classFile(frame.name()), frame.content());
                }
                case RUN_SPEC -> spec = RunSpec.fromJson(frame.payload());
                default -> throw new ProtocolViolation("a " + kind(frame) + " frame before the run spec");
            }
        }
    }

    /** One request to the compile service: the sources it wrote, the release and the language of the compiler's messages. */
    record CompileRequest(List<Path> sources, CompileOrder order) {
    }

    /**
     * The compile service's next request: its sources, written into {@code sourceDir}, or null when the server closed
     * the stream.
     */
    CompileRequest readCompileRequest(Path sourceDir) throws IOException, ProtocolViolation {
        List<Path> request = new ArrayList<>();
        for (Frame frame = next(); frame != null; frame = next()) {
            switch (kind(frame)) {
                case SOURCE -> request.add(write(sourceDir, frame.name(), frame.content()));
                case COMPILE -> {
                    return new CompileRequest(request, CompileOrder.fromPayload(frame.payload()));
                }
                default -> throw new ProtocolViolation("a " + kind(frame) + " frame in a compile request");
            }
        }
        return null;
    }

    private static String classFile(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }

    /** Copies {@link ServerFrame#STDIN} frames to the program until {@link ServerFrame#STDIN_END} or the end. */
    void relayStdin(OutputStream programStdin) {
        try (programStdin) {
            for (Frame frame = next(); frame != null && kind(frame) != ServerFrame.STDIN_END; frame = next()) {
                if (kind(frame) == ServerFrame.STDIN) {
                    programStdin.write(frame.payload());
                    programStdin.flush();
                }
            }
        } catch (IOException | ProtocolViolation programStoppedReading) {
            // The program closed its stdin or ended; remaining input has nowhere to go.
        }
    }

    private Frame next() throws IOException, ProtocolViolation {
        int kind = in.read();
        if (kind < 0) {
            return null;
        }
        ServerFrame known = ServerFrame.of(kind);
        int length = in.readInt();
        if (known == null || length < 0 || length > known.maxPayload()) {
            throw new ProtocolViolation("a malformed frame from the server (kind " + kind + ", " + length + " bytes)");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame((byte) kind, payload);
    }

    private static ServerFrame kind(Frame frame) {
        return ServerFrame.of(frame.kind());
    }

    private static Path write(Path folder, String name, byte[] content) throws IOException, ProtocolViolation {
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            throw new ProtocolViolation("a file name outside its folder: " + name);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        return target;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
