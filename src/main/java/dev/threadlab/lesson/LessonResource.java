package dev.threadlab.lesson;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/lessons")
@Produces(MediaType.APPLICATION_JSON)
public class LessonResource {

    private final LessonRepository lessons;

    LessonResource(LessonRepository lessons) {
        this.lessons = lessons;
    }

    @GET
    public List<LessonSummary> list() {
        return lessons.all().stream().map(Lesson::summaryView).toList();
    }
}
