package dev.threadlab.grading;

import dev.threadlab.client.LearnerCookie;
import dev.threadlab.lesson.Language;
import dev.threadlab.run.InvalidRunRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Exercises and submitting solutions to them. */
@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    private final ExerciseRepository exercises;
    private final SubmissionService submissions;

    ExerciseResource(ExerciseRepository exercises, SubmissionService submissions) {
        this.exercises = exercises;
        this.submissions = submissions;
    }

    public record SubmissionRequest(Map<String, String> files) {
    }

    public record Accepted(String id, SubmissionStatus status) {
    }

    /** Titles and texts come in {@code ?lang=} or else the Accept-Language's language, English where untranslated. */
    @GET
    public List<ExerciseViews.Summary> list(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        Language language = language(lang, accept);
        return exercises.all().stream().map(e -> ExerciseViews.Summary.of(e, language)).toList();
    }

    @GET
    @Path("/{id}")
    public ExerciseViews.Detail get(@PathParam("id") String id, @CookieParam(LearnerCookie.NAME) String cookie,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        String learner = LearnerCookie.idFrom(cookie);
        return ExerciseViews.Detail.of(find(id), language(lang, accept), submissions.failedAttempts(id, learner),
                submissions.passed(id, learner));
    }

    static Language language(String lang, String accept) {
        return Language.fromTag(lang).orElseGet(() -> Language.negotiate(accept));
    }

    @POST
    @Path("/{id}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") String id, SubmissionRequest request,
            @CookieParam(LearnerCookie.NAME) String cookie, @Context HttpServerRequest http) {
        if (request == null || request.files() == null) {
            throw new InvalidRunRequestException("Send {\"files\": {\"Main.java\": \"...\"}}.");
        }
        String learner = LearnerCookie.idFrom(cookie);
        Response.ResponseBuilder response = Response.accepted();
        if (learner == null) {
            learner = LearnerCookie.newId();
            response.cookie(LearnerCookie.cookie(learner));
        }
        SocketAddress remote = http.remoteAddress();
        Submission submission = submissions.submit(id, request.files(), learner,
                remote == null ? null : remote.hostAddress());
        return response.entity(new Accepted(submission.id(), submission.status())).build();
    }

    /** This learner's submissions to the exercise, newest first. */
    @GET
    @Path("/{id}/submissions")
    public List<SubmissionView> mine(@PathParam("id") String id, @CookieParam(LearnerCookie.NAME) String cookie,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        Exercise exercise = find(id);
        Language language = language(lang, accept);
        return submissions.ofLearner(id, LearnerCookie.idFrom(cookie)).stream()
                .map(s -> SubmissionView.of(s, false, exercise, language)).toList();
    }

    /** The reference solution, only where the exercise allows it and only after this learner got full marks. */
    @GET
    @Path("/{id}/solution")
    public Map<String, String> solution(@PathParam("id") String id, @CookieParam(LearnerCookie.NAME) String cookie) {
        Exercise exercise = find(id);
        if (!exercise.showSolutionAfterPass()) {
            throw new ForbiddenException("This exercise does not show its solution.");
        }
        if (!submissions.passed(id, LearnerCookie.idFrom(cookie))) {
            throw new ForbiddenException("The solution opens once a submission of yours gets full marks.");
        }
        return exercise.solutionFiles();
    }

    private Exercise find(String id) {
        return exercises.find(id).orElseThrow(() -> new NotFoundException("No exercise with id '" + id + "'."));
    }
}
