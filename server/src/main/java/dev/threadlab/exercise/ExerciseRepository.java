package dev.threadlab.exercise;

import dev.threadlab.lesson.LessonConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Finds exercises under {@code lessons/<lesson>/exercises/<id>/}. A folder is parsed again when any file in it
 * changes, so an instructor's edit is live on the next request, in dev mode and in production alike.
 */
@Singleton
public class ExerciseRepository {
    private static final Logger LOG = Logger.getLogger(ExerciseRepository.class);

    /** Valid exercises by id, and the problems of the folders that could not be used. */
    public record Catalog(Map<String, Exercise> exercises, List<String> problems) {
    }

    private record Cached(String fingerprint, Exercise exercise, String problem) {
    }

    private final Path root;
    private final ExerciseParser parser;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    ExerciseRepository(LessonConfig config, ExerciseParser parser) {
        this(Path.of(config.dir()), parser);
    }

    public ExerciseRepository(Path lessonsRoot, ExerciseParser parser) {
        this.root = lessonsRoot.toAbsolutePath().normalize();
        this.parser = parser;
    }

    public List<Exercise> all() {
        return List.copyOf(catalog().exercises().values());
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(catalog().exercises().get(id));
    }

    /** The exercise, or a 404 that names the id for a request about one that does not exist. */
    public Exercise require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No exercise with id '" + id + "'."));
    }

    public List<Exercise> ofLesson(String lessonId) {
        return all().stream().filter(exercise -> exercise.lessonId().equals(lessonId)).toList();
    }

    /** Reads (or re-uses) every exercise folder. Broken folders are reported, never thrown. */
    public Catalog catalog() {
        Map<String, Exercise> exercises = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path folder : exerciseFolders()) {
            Cached cached = load(folder);
            if (cached.problem() != null) {
                problems.add(cached.problem());
            } else if (exercises.containsKey(cached.exercise().id())) {
                problems.add(folder + ": the id '" + cached.exercise().id() + "' is already used by lesson "
                        + exercises.get(cached.exercise().id()).lessonId() + " (exercise ids are unique in the course)");
            } else {
                exercises.put(cached.exercise().id(), cached.exercise());
            }
        }
        return new Catalog(exercises, problems);
    }

    private List<Path> exerciseFolders() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> lessons = Files.list(root)) {
            List<Path> folders = new ArrayList<>();
            for (Path lesson : lessons.filter(Files::isDirectory).sorted().toList()) {
                Path exercises = lesson.resolve("exercises");
                if (Files.isDirectory(exercises)) {
                    try (Stream<Path> each = Files.list(exercises)) {
                        each.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).forEach(folders::add);
                    }
                }
            }
            return folders;
        } catch (IOException e) {
            LOG.warnf("Cannot list exercises under %s: %s", root, e.getMessage());
            return List.of();
        }
    }

    private Cached load(Path folder) {
        String fingerprint = fingerprint(folder);
        Cached cached = cache.get(folder);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached;
        }
        String lessonId = folder.getParent().getParent().getFileName().toString();
        Path shown = root.getParent() == null ? folder : root.getParent().relativize(folder);
        try {
            cached = new Cached(fingerprint, parser.parse(lessonId, folder), null);
        } catch (InvalidExerciseException e) {
            String problem = e.getMessage().replace(folder.toString(), shown.toString());
            LOG.warnf("Skipping exercise: %s", problem);
            cached = new Cached(fingerprint, null, problem);
        }
        cache.put(folder, cached);
        return cached;
    }

    /** Names, sizes and modification times of every file in the folder: changes when any file does. */
    private static String fingerprint(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            StringBuilder print = new StringBuilder();
            for (Path file : walk.sorted().toList()) {
                print.append(file).append(':').append(Files.size(file)).append(':')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
            return print.toString();
        } catch (IOException e) {
            return "unreadable:" + e.getMessage();
        }
    }
}
