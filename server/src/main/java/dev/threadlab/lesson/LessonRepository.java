package dev.threadlab.lesson;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reads lessons from {@code lessons/<id>/lesson.md}. Files are re-read when they change on disk, so an
 * instructor's edit shows on the next page load without a restart, in dev mode and in production alike.
 */
@Singleton
public class LessonRepository {
    private static final Logger LOG = Logger.getLogger(LessonRepository.class);
    private static final Pattern LESSON_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private record Cached(FileTime modified, long size, Lesson lesson) {
    }

    private final Path root;
    private final LessonParser parser;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    LessonRepository(LessonConfig config, LessonParser parser) {
        this.root = Path.of(config.dir()).toAbsolutePath().normalize();
        this.parser = parser;
    }

    /** All valid lessons in English, in course order. */
    public List<Lesson> all() {
        return all(Language.EN);
    }

    /**
     * All valid lessons in course order, in the given language where translated (else in English); broken ones are
     * skipped with a warning naming the problem.
     */
    public List<Lesson> all(Language language) {
        if (!Files.isDirectory(root)) {
            LOG.warnf("Lesson folder %s does not exist (set threadlab.lessons.dir)", root);
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders
                    .filter(folder -> LESSON_ID.matcher(folder.getFileName().toString()).matches())
                    .filter(folder -> Files.isRegularFile(folder.resolve("lesson.md")))
                    .map(folder -> translated(folder, language))
                    .map(file -> loadOrWarn(file.getKey(), file.getValue()))
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list lessons in " + root, e);
        }
    }

    private static Map.Entry<Path, Language> translated(Path folder, Language language) {
        Path translation = folder.resolve(language.fileName("lesson", "md"));
        return Files.isRegularFile(translation) ? Map.entry(translation, language)
                : Map.entry(folder.resolve("lesson.md"), Language.EN);
    }

    private Lesson loadOrWarn(Path file, Language language) {
        try {
            return load(file, language);
        } catch (InvalidLessonException | IOException e) {
            LOG.warnf("Skipping lesson %s: %s", file, e.getMessage());
            return null;
        }
    }

    private Lesson load(Path file, Language language) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        Cached cached = cache.get(file);
        if (cached != null && cached.modified().equals(modified) && cached.size() == size) {
            return cached.lesson();
        }
        String id = file.getParent().getFileName().toString();
        Lesson lesson = parser.parse(id, Files.readString(file, StandardCharsets.UTF_8), language);
        cache.put(file, new Cached(modified, size, lesson));
        return lesson;
    }
}
