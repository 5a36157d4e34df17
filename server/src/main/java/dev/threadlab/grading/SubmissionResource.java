package dev.threadlab.grading;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A submission's grade, as JSON or as Gradescope's results.json. Ids are random UUIDs: knowing one is the key. */
@Path("/api/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private final SubmissionService submissions;
    private final ExerciseRepository exercises;

    SubmissionResource(SubmissionService submissions, ExerciseRepository exercises) {
        this.submissions = submissions;
        this.exercises = exercises;
    }

    @GET
    @Path("/{id}")
    public SubmissionView get(@PathParam("id") String id, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        Submission submission = find(id);
        return SubmissionView.of(submission, true, exercises.find(submission.exerciseId()).orElse(null),
                ExerciseResource.language(lang, accept));
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
