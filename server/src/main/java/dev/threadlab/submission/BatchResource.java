package dev.threadlab.submission;

import dev.threadlab.account.AccountAction;
import dev.threadlab.account.Role;
import dev.threadlab.account.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Batch grading for instructors' scripts: post a zip of learners' folders, then poll for the results. */
@Path("/api")
@RolesAllowed({Role.INSTRUCTOR_NAME, Role.ADMIN_NAME})
public class BatchResource {

    private final Batches batches;
    private final Viewer viewer;

    BatchResource(Batches batches, Viewer viewer) {
        this.batches = batches;
        this.viewer = viewer;
    }

    @POST
    @Path("exercises/{id}/batch")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("id") String exerciseId, byte[] zip) {
        String id = batches.start(exerciseId, viewer.requireAccount(AccountAction.GRADE_BATCH).id(), zip);
        return Response.accepted(Map.of("id", id)).build();
    }

    /** The batch's progress and results as JSON, or one CSV row per folder with {@code ?format=csv}. */
    @GET
    @Path("batches/{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response progress(@PathParam("id") String id, @QueryParam("format") String format) {
        Batches.Progress progress = batches.progress(id, viewer.requireAccount(AccountAction.SEE_BATCH).id(),
                viewer.is(Role.ADMIN)).orElseThrow(() -> new NotFoundException("No batch with id '" + id + "'."));
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(csv(progress), "text/csv; charset=UTF-8").build();
        }
        return Response.ok(progress, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static String csv(Batches.Progress progress) {
        return SpreadsheetCsv.write(List.of("folder", "submission", "status", "score", "max_score", "message"),
                progress.results().stream().map(item -> java.util.Arrays.<Object>asList(item.folder(),
                        item.submissionId(), item.status().name(), item.score(), item.maxScore(), item.message()))
                        .toList());
    }
}
