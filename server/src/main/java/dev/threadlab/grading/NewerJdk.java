package dev.threadlab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JDK on this machine at least as new as the sandbox's Java, for compiling hidden tests when the server itself
 * runs on an older one (JDK 17 runs the server; a reference solution that uses a Java 21 API such as
 * {@code Executors.newVirtualThreadPerTaskExecutor()} only compiles with {@code --release 21}). Either the
 * configured home, or the newest JDK installed beside the server's own (e.g. /usr/lib/jvm/*), told by the
 * {@code release} file every JDK carries.
 */
final class NewerJdk {
    private NewerJdk() {
    }

    static Optional<Path> find(Optional<String> configured, int atLeast) {
        if (configured.isPresent()) {
            Path home = Path.of(configured.get());
            if (featureVersion(home) < atLeast) {
                throw new IllegalStateException("threadlab.grading.test-compiler-jdk=" + home + " is not a JDK "
                        + atLeast + " or newer (no bin/javac, or its release file says older)");
            }
            return Optional.of(home);
        }
        Path own = Path.of(System.getProperty("java.home"));
        Path installed = own.getParent();
        if (installed == null || !Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(installed)) {
            return homes.filter(home -> featureVersion(home) >= atLeast)
                    .max(Comparator.comparingInt(NewerJdk::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK's feature version (21 for 21.0.5) from its release file; 0 when it is not a JDK with javac. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(home.resolve("bin/javac")) || !Files.isRegularFile(release)) {
            return 0;
        }
        try (var reader = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(reader);
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
