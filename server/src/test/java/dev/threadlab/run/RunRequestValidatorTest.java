package dev.threadlab.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RunRequestValidatorTest {

    private final RunRequestValidator validator = new RunRequestValidator(new RunConfig() {
        @Override
        public OptionalInt maxConcurrent() {
            return OptionalInt.empty();
        }

        @Override
        public MemorySize maxSourceSize() {
            return new MemorySize(BigInteger.valueOf(1000));
        }

        @Override
        public int maxFiles() {
            return 3;
        }

        @Override
        public MemorySize maxStdinSize() {
            return new MemorySize(BigInteger.valueOf(10));
        }

        @Override
        public int retainedRuns() {
            return 10;
        }

        @Override
        public PerClient perClient() {
            return RunAdmissionTest.limits(10, 40);
        }

        @Override
        public Sockets sockets() {
            throw new UnsupportedOperationException("the validator does not look at sockets");
        }
    });

    private static final String SOURCE = "public class Main { public static void main(String[] a) {} }";

    @Test
    void acceptsAPlainProgramAndPackagedFiles() {
        assertDoesNotThrow(() -> validator.validate(new RunRequest("java", Map.of("Main.java", SOURCE), "Main", null, null)));
        assertDoesNotThrow(() -> validator.validate(new RunRequest("java",
                Map.of("demo/App.java", "package demo; public class App {}", "data.txt", "x"), "demo.App", "in", null)));
    }

    @Test
    void rejectsWhatCannotRun() {
        rejects(new RunRequest("python", Map.of("Main.java", SOURCE), "Main", null, null), "Unknown language");
        rejects(new RunRequest("java", Map.of(), "Main", null, null), "No files");
        rejects(new RunRequest("java", Map.of("notes.txt", "x"), "Main", null, null), "No .java file");
        rejects(new RunRequest("java", Map.of("a/../../Main.java", SOURCE), "Main", null, null), "Invalid file name");
        rejects(new RunRequest("java", Map.of("/abs/Main.java", SOURCE), "Main", null, null), "Invalid file name");
        rejects(new RunRequest("java", Map.of("C:\\x.java", SOURCE), "Main", null, null), "Invalid file name");
        rejects(new RunRequest("java", Map.of("Main.java", "x".repeat(1001)), "Main", null, null), "limit");
        rejects(new RunRequest("java", Map.of("A.java", "", "B.java", "", "C.java", "", "D.java", ""), "A", null, null), "Too many files");
        rejects(new RunRequest("java", Map.of("Main.java", SOURCE), "../Main", null, null), "mainClass");
        rejects(new RunRequest("java", Map.of("Main.java", SOURCE), null, null, null), "mainClass");
        rejects(new RunRequest("java", Map.of("Main.java", "\uD800"), "Main", null, null), "UTF-8");
        rejects(new RunRequest("java", Map.of("Main.java", SOURCE), "Main", "01234567890", null), "stdin");
        rejects(null, "body is missing");
    }

    private void rejects(RunRequest request, String messagePart) {
        InvalidRunRequestException e = assertThrows(InvalidRunRequestException.class, () -> validator.validate(request));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
