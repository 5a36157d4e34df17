package dev.threadlab.lesson;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/lessons")
@Produces(MediaType.APPLICATION_JSON)
public class LessonResource {

    private final LessonRepository lessons;

    LessonResource(LessonRepository lessons) {
        this.lessons = lessons;
    }

    /** The lessons in {@code ?lang=} or else the Accept-Language's language (English where not translated). */
    @GET
    public List<LessonSummary> list(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        Language language = Language.fromTag(lang).orElseGet(() -> Language.negotiate(accept));
        return lessons.all(language).stream().map(Lesson::summaryView).toList();
    }
}
