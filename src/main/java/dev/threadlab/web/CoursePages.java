package dev.threadlab.web;

import dev.threadlab.grading.ExerciseRepository;
import dev.threadlab.lesson.Lesson;
import dev.threadlab.lesson.LessonRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The HTML pages: the course home and one page per lesson. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CoursePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Lesson> lessons);

        static native TemplateInstance lesson(Lesson lesson, Lesson previous, Lesson next, List<ExerciseCard> exercises);

        static native TemplateInstance notFound(String what);
    }

    private final LessonRepository lessons;
    private final ExerciseRepository exercises;

    CoursePages(LessonRepository lessons, ExerciseRepository exercises) {
        this.lessons = lessons;
        this.exercises = exercises;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(lessons.all());
    }

    @GET
    @Path("lessons/{id}")
    public Response lesson(@PathParam("id") String id) {
        List<Lesson> all = lessons.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                Lesson previous = i > 0 ? all.get(i - 1) : null;
                Lesson next = i + 1 < all.size() ? all.get(i + 1) : null;
                List<ExerciseCard> cards = exercises.ofLesson(id).stream().map(ExerciseCard::of).toList();
                return Response.ok(Templates.lesson(all.get(i), previous, next, cards)).build();
            }
        }
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound("lesson '" + id + "'")).build();
    }
}
