package dev.threadlab.exercise;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An exercise's wrong solutions, which the course validation proves to score below full marks: each
 * {@code wrong/<variant>/} holds .java files that replace the reference solution's, and/or a {@code changes.yaml}
 * that edits them ({@code - file: Main.java, replace: "…", with: "…"}), so that a one-line mistake is written as one
 * line. The server never loads them for learners.
 */
@Singleton
public class WrongSolutions {
    static final String FOLDER = "wrong";
    private static final String CHANGES = "changes.yaml";

    private final YAMLMapper yaml = new YAMLMapper();

    /** One edit of a solution file: {@code replace} must occur in it exactly once. */
    record Change(String file, String replace, String with) {
    }

    /** The variants by name, each as the complete set of files to grade; refused with every problem named. */
    public Map<String, Map<String, String>> of(Exercise exercise, Path exerciseFolder, boolean required) {
        ExerciseParser.Problems problems = new ExerciseParser.Problems(exerciseFolder);
        Map<String, Map<String, String>> variants = new TreeMap<>();
        Path wrong = exerciseFolder.resolve(FOLDER);
        try (Stream<Path> list = Files.isDirectory(wrong) ? Files.list(wrong) : Stream.empty()) {
            for (Path variant : list.sorted().toList()) {
                String name = variant.getFileName().toString();
                if (!Files.isDirectory(variant) || !ExerciseParser.ID.matcher(name).matches()) {
                    problems.inFolder(FOLDER + "/" + name + ": only folders named in lower-case letters, digits and "
                            + "dashes belong in " + FOLDER + "/");
                } else {
                    variants.put(name, variant(exercise, exerciseFolder, name, problems));
                }
            }
        } catch (IOException e) {
            problems.inFolder(FOLDER + "/ cannot be read: " + e.getMessage());
        }
        if (variants.isEmpty() && required) {
            problems.inFolder(FOLDER + "/ has no wrong solution: add at least one folder (the hard-coded output, the "
                    + "racy version, the serial version…) that must score below full marks");
        }
        problems.throwIfAny();
        return variants;
    }

    private Map<String, String> variant(Exercise exercise, Path exerciseFolder, String name, ExerciseParser.Problems problems) {
        String where = FOLDER + "/" + name;
        Path folder = exerciseFolder.resolve(where);
        boolean hasChanges = Files.isRegularFile(folder.resolve(CHANGES));
        Map<String, String> files = new TreeMap<>(exercise.solutionFiles());
        boolean hasSources;
        try (Stream<Path> java = Files.walk(folder)) {
            hasSources = java.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            hasSources = false;
        }
        if (hasSources || !hasChanges) {
            files.putAll(ExerciseParser.sources(exerciseFolder, where, problems));
        }
        if (hasChanges) {
            for (Change change : changes(folder.resolve(CHANGES), where, problems)) {
                apply(change, files, where, problems);
            }
        }
        return Map.copyOf(files);
    }

    private List<Change> changes(Path file, String where, ExerciseParser.Problems problems) {
        try {
            List<Change> changes = yaml.readValue(file.toFile(), new TypeReference<List<Change>>() { });
            return changes == null ? List.of() : changes;
        } catch (JacksonException e) {
            problems.inFolder(where + "/" + CHANGES + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " (expected a list of - file: …, replace: …, with: …)");
        } catch (IOException e) {
            problems.inFolder(where + "/" + CHANGES + " cannot be read: " + e.getMessage());
        }
        return List.of();
    }

    private static void apply(Change change, Map<String, String> files, String where, ExerciseParser.Problems problems) {
        String at = where + "/" + CHANGES + ": ";
        if (change.file() == null || change.replace() == null || change.replace().isEmpty() || change.with() == null) {
            problems.inFolder(at + "every change needs file, replace (not empty) and with");
            return;
        }
        String text = files.get(change.file());
        if (text == null) {
            problems.inFolder(at + "the solution has no " + change.file());
            return;
        }
        int first = text.indexOf(change.replace());
        if (first < 0 || text.indexOf(change.replace(), first + 1) >= 0) {
            problems.inFolder(at + "\"" + change.replace() + "\" must occur exactly once in " + change.file() + ", but "
                    + (first < 0 ? "it is not there (has the solution changed?)" : "it occurs more than once"));
            return;
        }
        files.put(change.file(), text.substring(0, first) + change.with() + text.substring(first + change.replace().length()));
    }
}
