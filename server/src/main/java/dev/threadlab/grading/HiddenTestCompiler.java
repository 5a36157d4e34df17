package dev.threadlab.grading;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.sandbox.SandboxConfig;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles an exercise's hidden JUnit tests on the server, against its reference solution and the sandbox's JUnit, so
 * that the tests enter a container only as class files, never as source. The learner's classes replace the solution's
 * at run time; a test that calls a method the learner changed fails with the JVM's NoSuchMethodError. The last result
 * of each exercise is kept until the exercise's files change. Runs in memory, with annotation processing off.
 */
@Singleton
public class HiddenTestCompiler {
    private final Path junitJars;
    private final Path lincheckJars;
    private final Optional<String> configuredJdk;
    /** Per exercise, the last compilation and what it was made from: an edited exercise is compiled again. */
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();
    /**
     * Per release newer than the server's own JDK (JDK 17 is enough to run the server), a JDK that compiles for it:
     * the tests are then compiled by that JDK's javac.
     */
    private final Map<JavaRelease, Optional<Path>> newerJdks = new ConcurrentHashMap<>();

    private record Compiled(Map<String, String> program, Map<String, String> tests, JavaRelease release,
            Map<String, byte[]> classes) {
    }

    HiddenTestCompiler(SandboxConfig config, GradingConfig grading) {
        this.junitJars = Path.of(config.image().context()).resolve("lib/runner");
        this.lincheckJars = Path.of(config.image().context()).resolve("lib/lincheck");
        this.configuredJdk = grading.testCompilerJdk();
    }

    /** The test classes (binary name → class file) of the exercise; fails with the compiler's words if they do not compile. */
    public Map<String, byte[]> compile(Exercise exercise) {
        Map<String, String> sources = new LinkedHashMap<>(exercise.starterFiles());
        sources.putAll(exercise.solutionFiles());
        JavaRelease release = exercise.jdk();
        Compiled compiled = cache.compute(exercise.id(), (id, last) ->
                last != null && last.program().equals(sources) && last.tests().equals(exercise.testFiles())
                        && last.release() == release ? last
                        : new Compiled(Map.copyOf(sources), Map.copyOf(exercise.testFiles()), release,
                                compile(sources, exercise.testFiles(), release)));
        return compiled.classes();
    }

    private Map<String, byte[]> compile(Map<String, String> program, Map<String, String> tests, JavaRelease release) {
        if (Runtime.version().feature() < release.feature()) {
            Path jdk = newerJdks.computeIfAbsent(release, r -> NewerJdk.find(configuredJdk, r.feature()))
                    .orElseThrow(() -> new IllegalStateException("Grading with tests for JDK " + release.feature()
                            + " needs a JDK " + release.feature() + " or newer on the server (installed beside its own, or"
                            + " named by threadlab.grading.test-compiler-jdk); the server runs on "
                            + Runtime.version().feature()));
            return ExternalJavac.compileTests(jdk, release.feature(), classPath(), program, tests);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("The server runs on a JRE without a Java compiler; it needs a JDK to grade with tests.");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Source> units = new ArrayList<>();
        program.forEach((path, text) -> units.add(new Source(path, text, false)));
        tests.forEach((path, text) -> units.add(new Source(path, text, true)));
        List<String> options = List.of("--release", Integer.toString(release.feature()), "-proc:none", "-cp", classPath(),
                "-Xlint:-options");
        try (Output output = new Output(javac.getStandardFileManager(diagnostics, Locale.ENGLISH, null))) {
            boolean ok = javac.getTask(null, output, diagnostics, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("The exercise's hidden tests do not compile against its solution: "
                        + diagnostics.getDiagnostics().stream().limit(3).map(d -> d.getMessage(Locale.ENGLISH))
                        .collect(Collectors.joining("; ")));
            }
            return Map.copyOf(output.testClasses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JUnit, and Lincheck for tests that model-check the learner's data structure: what the sandbox has. */
    private String classPath() {
        return jars(junitJars) + java.io.File.pathSeparator + jars(lincheckJars);
    }

    private static String jars(Path folder) {
        try (Stream<Path> jars = Files.list(folder)) {
            return jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox's jars are missing from " + folder
                    + " (build with ./mvnw package)", e);
        }
    }

    /** A source file in memory; {@code test} marks the hidden tests, whose classes are kept. */
    private static final class Source extends SimpleJavaFileObject {
        final String text;
        final boolean test;

        Source(String path, String text, boolean test) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.text = text;
            this.test = test;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps class files in memory, only those compiled from a test source. */
    private static final class Output extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, byte[]> testClasses = new HashMap<>();

        Output(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                JavaFileObject.Kind kind, FileObject sibling) {
            boolean keep = sibling instanceof Source source && source.test;
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            if (keep) {
                                testClasses.put(className, toByteArray());
                            }
                        }
                    };
                }
            };
        }
    }
}
