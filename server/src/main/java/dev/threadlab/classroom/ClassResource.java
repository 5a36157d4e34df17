package dev.threadlab.classroom;

import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.ReaderLanguage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The class API: create (instructors), join (anyone logged in), list, due dates, and the gradebook as JSON and CSV
 * (the class's instructor or an admin). Errors are JSON {"error": ...}: 400 bad input, 401 not logged in, 403 not
 * allowed, 404 no such class, code or exercise.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassResource {
    private final ClassroomService classroom;
    private final ReaderLanguage readerLanguage;

    ClassResource(ClassroomService classroom, ReaderLanguage readerLanguage) {
        this.readerLanguage = readerLanguage;
        this.classroom = classroom;
    }

    @POST
    @Path("classes")
    public Response create(ClassViews.NewClass body) {
        ClassInfo group = classroom.create(body == null ? null : body.name());
        return Response.status(Response.Status.CREATED).entity(new ClassViews.Created(group.id(), group.joinCode()))
                .build();
    }

    @POST
    @Path("classes/join")
    public ClassViews.Joined join(ClassViews.JoinRequest body) {
        ClassInfo group = classroom.join(body == null ? null : body.code());
        return new ClassViews.Joined(group.id(), group.name());
    }

    @GET
    @Path("classes")
    public List<ClassViews.Listing> mine() {
        return classroom.mine();
    }

    @PUT
    @Path("classes/{id}/deadlines/{exerciseId}")
    public ClassViews.Deadline setDeadline(@PathParam("id") String id, @PathParam("exerciseId") String exerciseId,
            ClassViews.DeadlineRequest body) {
        return classroom.setDeadline(id, exerciseId, body);
    }

    @GET
    @Path("classes/{id}/grades")
    public GradeSheet grades(@PathParam("id") String id) {
        return classroom.grades(id, readerLanguage.get());
    }

    @GET
    @Path("classes/{id}/grades.csv")
    @Produces("text/csv")
    public Response gradesCsv(@PathParam("id") String id) {
        GradeSheet sheet = classroom.grades(id, Language.EN);
        String file = URLEncoder.encode(sheet.name() + " grades.csv", StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(GradesCsv.write(sheet), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"grades.csv\"; filename*=UTF-8''" + file)
                .build();
    }

}
