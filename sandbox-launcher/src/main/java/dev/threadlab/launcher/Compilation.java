package dev.threadlab.launcher;

import dev.threadlab.protocol.Diagnostic;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.protocol.LauncherFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the learner's sources with the JDK's compiler, in the launcher (no learner code runs: annotation processing
 * is off), and refuses classes whose names belong to the platform: a hidden test class, the test runner, JUnit. Such a
 * class could not shadow them anyway (they come first on the test JVM's paths), but a clear message beats a puzzle.
 */
final class Compilation {
    /** Packages the platform's own code lives in inside the sandbox. */
    private static final List<String> RESERVED_PACKAGES = List.of("dev.threadlab.", "org.junit.", "org.opentest4j.",
            "org.apiguardian.", "org.jspecify.", "com.fasterxml.jackson.");
    /** javac's own cap on each kind is 100; keep the frame count well inside {@link LauncherFrame#DIAGNOSTIC}'s. */
    private static final int MAX_DIAGNOSTICS = 200;

    private static final List<String> OPTIONS = List.of("-encoding", "UTF-8", "-proc:none", "-implicit:none",
            "-Xmaxerrs", "100", "-Xmaxwarns", "100", "-Xlint:-options");
    private static final String WARM_UP_SOURCE = """
            import java.util.concurrent.*;
            class WarmUp {
                public static void main(String[] args) throws Exception {
                    ExecutorService pool = Executors.newFixedThreadPool(2);
                    Future<String> answer = pool.submit(() -> String.valueOf(java.util.List.of(1, 2).size()));
                    System.out.println("warm " + answer.get());
                    pool.shutdown();
                }
            }
            """;

    private final Frames frames;
    private final Locale language;
    private final JavaRelease release;

    /**
     * {@code language}: what javac writes its messages in (the JDK has them in English, Chinese, Japanese and German);
     * {@code release}: the JDK the classes are for, whose language and API the sources may use ({@code --release}).
     */
    Compilation(Frames frames, Locale language, JavaRelease release) {
        this.frames = frames;
        this.language = language;
        this.release = release;
    }

    /** Compiles the {@code .java} files among {@code received} (others, such as a text file a program reads, stay as they are). */
    boolean compile(List<Path> received, Path sourceDir, Path classes, List<String> reservedClasses) throws IOException {
        List<Path> sources = received.stream().filter(file -> file.toString().endsWith(".java")).toList();
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, language, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classes.toString()));
            options.addAll(releaseOptions(release, Runtime.version().feature()));
            options.addAll(OPTIONS);
            ok = sources.isEmpty() || javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        }
        int sent = 0;
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (sent++ < MAX_DIAGNOSTICS) {
                String file = d.getSource() == null ? "" : sourceDir.relativize(Path.of(d.getSource().toUri())).toString();
                send(new Diagnostic(file, d.getLineNumber(), d.getColumnNumber(),
                        d.getKind() == javax.tools.Diagnostic.Kind.ERROR ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                        d.getMessage(language)));
            }
        }
        return ok && reservedNamesAbsent(classes, reservedClasses);
    }

    /**
     * {@code --release} for a JDK older than the compiler's own ({@code running}): the sources may then use only that
     * JDK's language and API, and the classes load on it. The image's launcher runs on the newest JDK offered, so it
     * reaches every release; a compiler that is not newer (the build's, in unit tests) targets itself.
     */
    static List<String> releaseOptions(JavaRelease release, int running) {
        return release.feature() < running ? List.of("--release", Integer.toString(release.feature())) : List.of();
    }

    /**
     * For a program the compile service compiled: its classes (in {@code classes}) must not take a name that belongs
     * to the platform or the exercise's hidden tests, which only the run knows. Says so as a compiler message.
     */
    boolean namesAllowed(Path classes, List<String> reservedClasses) throws IOException {
        Files.createDirectories(classes);
        return reservedNamesAbsent(classes, reservedClasses);
    }

    /**
     * Compiles a small class with the options of a real compilation, in a folder of its own that is removed after, so
     * that the compiler's classes are loaded and its hot code compiled before the learner's sources arrive.
     */
    static void warmUp() {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("threadlab-warm-up");
            Path source = Files.writeString(folder.resolve("WarmUp.java"), WARM_UP_SOURCE);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8)) {
                List<String> options = new ArrayList<>(List.of("-d", folder.toString(), "-cp", folder.toString()));
                options.addAll(OPTIONS);
                javac.getTask(java.io.Writer.nullWriter(), files, diagnostic -> { }, options, null,
                        files.getJavaFileObjectsFromPaths(List.of(source))).call();
            }
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: the real compilation reports its own problems.
        } finally {
            deleteQuietly(folder);
        }
    }

    static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // A leftover in the launcher's temporary folder does no harm: the container is thrown away after the run.
        }
    }

    private boolean reservedNamesAbsent(Path classes, List<String> reservedClasses) throws IOException {
        List<String> clashes = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(path -> path.toString().endsWith(".class")).forEach(path -> {
                String name = binaryName(classes, path);
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                if (reservedClasses.contains(outer) || RESERVED_PACKAGES.stream().anyMatch(name::startsWith)) {
                    clashes.add(outer);
                }
            });
        }
        clashes.stream().distinct().sorted().limit(20).forEach(name -> send(new Diagnostic("", 0, 0, Diagnostic.Severity.ERROR,
                "The class name " + name + " is reserved: it belongs to the exercise's hidden tests or to the test "
                        + "platform. Rename your class.")));
        return clashes.isEmpty();
    }

    /** The binary name of the class in {@code classFile}, a file under the class folder {@code classes}. */
    static String binaryName(Path classes, Path classFile) {
        return classes.relativize(classFile).toString().replace('/', '.').replaceAll("\\.class$", "");
    }

    private void send(Diagnostic diagnostic) {
        frames.send(LauncherFrame.DIAGNOSTIC, diagnostic.toJson());
    }
}
