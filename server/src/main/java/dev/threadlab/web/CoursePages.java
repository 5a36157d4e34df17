package dev.threadlab.web;

import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.Lesson;
import dev.threadlab.lesson.LessonRepository;
import dev.threadlab.progress.CourseProgress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;

/** The HTML pages: the course home and one page per lesson. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CoursePages {
    private static final Logger LOG = Logger.getLogger(CoursePages.class);

    @CheckedTemplate
    static class Templates {
        /** progress: null for an anonymous visitor. */
        static native TemplateInstance home(List<HomeLesson> lessons, CourseProgress.Summary progress);

        static native TemplateInstance lesson(Lesson lesson, Lesson previous, Lesson next, List<ExerciseCard> exercises);

        static native TemplateInstance notFound(String what);
    }

    private final LessonRepository lessons;
    private final ExerciseRepository exercises;
    private final PageContext context;
    private final CourseProgress progress;

    CoursePages(LessonRepository lessons, ExerciseRepository exercises, PageContext context, CourseProgress progress) {
        this.lessons = lessons;
        this.exercises = exercises;
        this.context = context;
        this.progress = progress;
    }

    /** The lessons; for a logged-in learner with each one's state (opened, passed) and the points so far. */
    @GET
    public Response home() {
        CourseProgress.Summary summary = context.account().map(account -> progress.of(account.id())).orElse(null);
        return context.render(Response.ok(),
                Templates.home(HomeLesson.of(lessons.all(context.language()), summary), summary));
    }

    @GET
    @Path("lessons/{id}")
    public Response lesson(@PathParam("id") String id) {
        Language language = context.language();
        List<Lesson> all = lessons.all(language);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                Lesson previous = i > 0 ? all.get(i - 1) : null;
                Lesson next = i + 1 < all.size() ? all.get(i + 1) : null;
                List<ExerciseCard> cards = exercises.ofLesson(id).stream().map(e -> ExerciseCard.of(e, language)).toList();
                context.account().ifPresent(account -> recordVisit(account.id(), id));
                return context.render(Response.ok(), Templates.lesson(all.get(i), previous, next, cards));
            }
        }
        return context.render(Response.status(Response.Status.NOT_FOUND), Templates.notFound("lesson '" + id + "'"));
    }

    /**
     * Marks the lesson opened for the course home. Recorded here rather than by the page's script, so that a visit
     * counts even when scripts do not run; and never at the cost of the page: two tabs opening the lesson at once
     * may both try to insert the first visit, and the loser's failure changes nothing the learner would see.
     */
    private void recordVisit(String accountId, String lessonId) {
        try {
            progress.opened(accountId, lessonId);
        } catch (RuntimeException e) {
            LOG.warnf("Could not record that %s opened lesson %s: %s", accountId, lessonId, e);
        }
    }
}
