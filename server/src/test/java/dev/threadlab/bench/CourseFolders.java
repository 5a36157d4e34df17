package dev.threadlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped course's folders, as the benchmarks walk them. */
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
}
