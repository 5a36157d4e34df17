package dev.threadlab.submission;

import dev.threadlab.account.AccountAction;
import dev.threadlab.account.Viewer;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.ReaderLanguage;
import dev.threadlab.message.Message;
import dev.threadlab.run.InvalidRunRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Exercises and submitting solutions to them. */
// Rooted at /api like the other resources that serve /api/exercises/... (regrade, batch, deadline): JAX-RS picks the
// root class by the longest matching path and does not look further, so a deeper root here would hide theirs.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    private final ExerciseRepository exercises;
    private final SubmissionService submissions;
    private final Viewer viewer;
    private final ReaderLanguage readerLanguage;

    ExerciseResource(ExerciseRepository exercises, SubmissionService submissions, Viewer viewer,
            ReaderLanguage readerLanguage) {
        this.readerLanguage = readerLanguage;
        this.exercises = exercises;
        this.submissions = submissions;
        this.viewer = viewer;
    }

    public record SubmissionRequest(Map<String, String> files) {
    }

    public record Accepted(String id, SubmissionStatus status) {
    }

    /** Titles and texts come in {@code ?lang=} or else the Accept-Language's language, English where untranslated. */
    @GET
    @Path("exercises")
    public List<ExerciseViews.Summary> list() {
        Language language = readerLanguage.get();
        return exercises.all().stream().map(e -> ExerciseViews.Summary.of(e, language)).toList();
    }

    @GET
    @Path("exercises/{id}")
    public ExerciseViews.Detail get(@PathParam("id") String id) {
        String learner = viewer.ownerId();
        return ExerciseViews.Detail.of(exercises.require(id), readerLanguage.get(), submissions.failedAttempts(id, learner),
                submissions.passed(id, learner));
    }


    @POST
    @Path("exercises/{id}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") String id, SubmissionRequest request) {
        String learner = viewer.requireAccount(AccountAction.SUBMIT_EXERCISE).id();
        if (request == null || request.files() == null) {
            throw new InvalidRunRequestException(Message.of("request.noSubmissionFiles"));
        }
        Submission submission = submissions.submit(id, request.files(), learner, viewer.address());
        return Response.accepted().entity(new Accepted(submission.id(), submission.status())).build();
    }

    /** This learner's submissions to the exercise, newest first. */
    @GET
    @Path("exercises/{id}/submissions")
    public List<SubmissionView> mine(@PathParam("id") String id) {
        Exercise exercise = exercises.require(id);
        Language language = readerLanguage.get();
        return submissions.ofLearner(id, viewer.ownerId()).stream()
                .map(s -> SubmissionView.of(s, false, exercise, language)).toList();
    }

    /** The reference solution, only where the exercise allows it and only after this learner got full marks. */
    @GET
    @Path("exercises/{id}/solution")
    public Map<String, String> solution(@PathParam("id") String id) {
        Exercise exercise = exercises.require(id);
        if (!exercise.showSolutionAfterPass()) {
            throw new ForbiddenException("This exercise does not show its solution.");
        }
        if (!submissions.passed(id, viewer.ownerId())) {
            throw new ForbiddenException("The solution opens once a submission of yours gets full marks.");
        }
        return exercise.solutionFiles();
    }
}
