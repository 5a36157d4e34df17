package dev.threadlab.progress;

import dev.threadlab.account.AccountAction;
import dev.threadlab.account.Viewer;
import dev.threadlab.lesson.LessonRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** A signed-in learner's drafts and progress (401 for anonymous visitors, whose drafts stay in their browser). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    /** Body of a draft save: the files, and the version this tab last loaded or saved (null for a new draft). */
    public record DraftSave(Map<String, String> files, Long baseVersion) {
    }

    private final Drafts drafts;
    private final CourseProgress progress;
    private final Viewer viewer;
    private final LessonRepository lessons;

    ProgressResource(Drafts drafts, CourseProgress progress, Viewer viewer, LessonRepository lessons) {
        this.drafts = drafts;
        this.progress = progress;
        this.viewer = viewer;
        this.lessons = lessons;
    }

    @GET
    @Path("drafts")
    public List<Drafts.Draft> drafts() {
        return drafts.all(owner(AccountAction.SEE_DRAFTS));
    }

    @GET
    @Path("drafts/{key}")
    public Drafts.Draft draft(@PathParam("key") String key) {
        return drafts.find(owner(AccountAction.SEE_DRAFTS), key)
                .orElseThrow(() -> new NotFoundException("You have no draft called '" + key + "'."));
    }

    /** Saves a draft; the last write wins, and {@code replacedNewer} tells this tab it overwrote another's save. */
    @PUT
    @Path("drafts/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Drafts.Saved save(@PathParam("key") String key, DraftSave body) {
        String owner = owner(AccountAction.KEEP_DRAFTS);
        if (body == null) {
            throw new InvalidDraftException("Send {\"files\": {...}, \"baseVersion\": n}.");
        }
        return drafts.save(owner, key, body.files(), body.baseVersion());
    }

    @GET
    @Path("progress")
    public CourseProgress.Summary progress() {
        return progress.of(owner(AccountAction.SEE_PROGRESS));
    }

    @POST
    @Path("progress/lessons/{id}/opened")
    public Response opened(@PathParam("id") String lessonId) {
        String owner = owner(AccountAction.RECORD_PROGRESS);
        if (lessons.all().stream().noneMatch(lesson -> lesson.id().equals(lessonId))) {
            throw new NotFoundException("There is no lesson '" + lessonId + "'.");
        }
        progress.opened(owner, lessonId);
        return Response.noContent().build();
    }

    private String owner(AccountAction toDo) {
        return viewer.requireAccount(toDo).id();
    }
}
