package dev.threadlab.web;

import dev.threadlab.account.AccountAction;
import dev.threadlab.account.AccountException;
import dev.threadlab.classroom.ClassInfo;
import dev.threadlab.classroom.ClassroomService;
import dev.threadlab.classroom.GradeSheet;
import dev.threadlab.classroom.SubmissionSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The class pages: the viewer's classes (those they teach and those they are in, filled by classes.js from the class
 * API, which also creates and joins), a class's dashboard (the gradebook grid, drawn on the server; classroom.js adds the filter,
 * the histograms and Regrade) and one submission (its files, checks and trace, which submission-page.js loads from
 * the API). Anonymous visitors are sent to log in and come back; others get a page that says why not.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ClassroomPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance classes(boolean teacher);

        static native TemplateInstance dashboard(ClassInfo group, GradeSheet sheet);

        static native TemplateInstance submission(SubmissionSummary submission);

        static native TemplateInstance refused(String message);
    }

    private final PageContext context;
    private final ClassroomService classroom;

    ClassroomPages(PageContext context, ClassroomService classroom) {
        this.context = context;
        this.classroom = classroom;
    }

    /** Everyone logged in may join a class; only instructors and admins get the form that creates one. */
    @GET
    @Path("classes")
    public Response classes() {
        return context.account()
                .map(account -> context.render(Response.ok(), Templates.classes(AccountRoles.teacher(account))))
                .orElseGet(() -> PageContext.logInFirst("/classes"));
    }

    @GET
    @Path("classes/{id}")
    public Response dashboard(@PathParam("id") String id) {
        if (context.account().isEmpty()) {
            return PageContext.logInFirst("/classes/" + id);
        }
        try {
            ClassInfo group = classroom.teach(id, AccountAction.SEE_DASHBOARD);
            return context.render(Response.ok(), Templates.dashboard(group, classroom.grades(id, context.language())));
        } catch (AccountException e) {
            return context.render(Response.status(e.kind().status()), Templates.refused(context.say(e.explanation())));
        } catch (NotFoundException e) {
            return context.render(Response.status(Response.Status.NOT_FOUND), Templates.refused(e.getMessage()));
        }
    }

    @GET
    @Path("submissions/{id}")
    public Response submission(@PathParam("id") String id) {
        if (context.account().isEmpty()) {
            return PageContext.logInFirst("/submissions/" + id);
        }
        Optional<SubmissionSummary> submission = classroom.submission(id, context.language());
        if (submission.isEmpty()) {
            return context.render(Response.status(Response.Status.NOT_FOUND),
                    Templates.refused("No submission with id '" + id + "'."));
        }
        return context.render(Response.ok(), Templates.submission(submission.get()));
    }
}
