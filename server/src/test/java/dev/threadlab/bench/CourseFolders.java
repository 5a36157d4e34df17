package dev.threadlab.bench;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.WrongSolutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The shipped course's folders, as the benchmarks walk them, and what the benchmarks print of their times. */
final class CourseFolders {
    private CourseFolders() {
    }

    /** Every exercise folder ({@code lessons/<lesson>/exercises/<id>}), sorted. */
    static List<Path> exercises() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("lessons"), 3)) {
            return walk.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("exercises"))
                    .sorted().toList();
        }
    }

    /** The exercise's files to grade by variant: "reference" first, then each wrong solution by its folder's name. */
    static Map<String, Map<String, String>> variants(Exercise exercise, Path folder, WrongSolutions wrongSolutions) {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("reference", exercise.solutionFiles());
        variants.putAll(wrongSolutions.of(exercise, folder, false));
        return variants;
    }

    /** "median | p95" of the times in seconds, for a Markdown row. */
    static String medianAndP95(List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        return "%.1f | %.1f".formatted(sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
