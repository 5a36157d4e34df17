package dev.threadlab.grading;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A submission's grade, as JSON or as Gradescope's results.json. Ids are random UUIDs: knowing one is the key. */
@Path("/api/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private final SubmissionService submissions;

    SubmissionResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @GET
    @Path("/{id}")
    public SubmissionView get(@PathParam("id") String id) {
        return SubmissionView.of(find(id), true);
    }

    @GET
    @Path("/{id}/results.json")
    public GradescopeResults gradescope(@PathParam("id") String id) {
        return GradescopeResults.of(find(id));
    }

    private Submission find(String id) {
        return submissions.find(id).orElseThrow(() -> new NotFoundException("No submission with id '" + id + "'."));
    }
}
