package dev.threadlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles hidden tests with another JDK's javac, in a temporary folder: the program first, then the tests against
 * it, so that only the tests' class files come back (as {@link HiddenTestCompiler} keeps them: binary name → bytes).
 */
final class ExternalJavac {
    private static final long TIMEOUT_SECONDS = 120;

    private ExternalJavac() {
    }

    static Map<String, byte[]> compileTests(Path jdk, int release, String junitClassPath, Map<String, String> program,
            Map<String, String> tests) {
        Path work = null;
        try {
            work = Files.createTempDirectory("threadlab-hidden-tests");
            Path programClasses = work.resolve("program-classes");
            Path testClasses = work.resolve("test-classes");
            javac(jdk, release, junitClassPath, programClasses, write(work.resolve("program"), program));
            javac(jdk, release, junitClassPath + java.io.File.pathSeparator + programClasses, testClasses,
                    write(work.resolve("tests"), tests));
            return classes(testClasses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the hidden tests", e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static List<String> write(Path folder, Map<String, String> sources) throws IOException {
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = folder.resolve(source.getKey()).normalize();
            if (!file.startsWith(folder)) {
                throw new IllegalArgumentException("source path outside the exercise: " + source.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        return files;
    }

    private static void javac(Path jdk, int release, String classPath, Path out, List<String> files)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/javac").toString(), "--release",
                Integer.toString(release), "-proc:none", "-encoding", "UTF-8", "-nowarn", "-cp", classPath, "-d",
                out.toString()));
        command.addAll(files);
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!javac.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            javac.destroyForcibly();
            throw new IllegalStateException("javac did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (javac.exitValue() != 0) {
            throw new IllegalStateException("The exercise's hidden tests do not compile against its solution: "
                    + output.lines().filter(line -> line.contains("error:")).limit(3).collect(Collectors.joining("; ")));
        }
    }

    private static Map<String, byte[]> classes(Path folder) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = folder.relativize(file).toString();
                classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), Files.readAllBytes(file));
            }
        }
        return Map.copyOf(classes);
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
