package dev.threadlab.submission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threadlab.account.Accounts;
import dev.threadlab.account.Role;
import dev.threadlab.account.Viewer;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.grading.CheckResult;
import dev.threadlab.grading.InterleavingTrace;
import dev.threadlab.lesson.ReaderLanguage;
import dev.threadlab.trace.ChromeTraceExport;
import dev.threadlab.trace.TraceEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A submission's grade, as JSON or as Gradescope's results.json, its trace and its history. An account's submission
 * is shown to that account and to instructors; to anyone else it does not exist (404). Submissions made anonymously
 * before accounts existed stay readable by their random id, as they always were.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private final SubmissionService submissions;
    private final ExerciseRepository exercises;
    private final Viewer viewer;
    private final Accounts accounts;
    private final ReaderLanguage readerLanguage;
    private final ChromeTraceExport chromeTrace;

    SubmissionResource(SubmissionService submissions, ExerciseRepository exercises, Viewer viewer, Accounts accounts,
            ReaderLanguage readerLanguage, ChromeTraceExport chromeTrace) {
        this.readerLanguage = readerLanguage;
        this.chromeTrace = chromeTrace;
        this.submissions = submissions;
        this.exercises = exercises;
        this.viewer = viewer;
        this.accounts = accounts;
    }

    @GET
    @Path("submissions/{id}")
    public SubmissionView get(@PathParam("id") String id) {
        Submission submission = find(id);
        return SubmissionView.of(submission, true, exercises.find(submission.exerciseId()).orElse(null),
                readerLanguage.get());
    }

    @GET
    @Path("submissions/{id}/results.json")
    public GradescopeResults gradescope(@PathParam("id") String id) {
        return GradescopeResults.of(find(id));
    }

    /** The scheduling trace of the graded program run: the same events the lesson page's timeline draws. */
    @GET
    @Path("submissions/{id}/trace")
    public Response trace(@PathParam("id") String id) {
        find(id);
        return Response.ok(submissions.trace(id).orElse("[]"), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The interleaving that broke failed schedule check {@code n} (0-based, in the order of the submission's checks),
     * replayed in the sandbox, as Chrome trace-event JSON like a run's trace; 404 when that check has none.
     */
    @GET
    @Path("submissions/{id}/checks/{n}/trace")
    public ObjectNode checkTrace(@PathParam("id") String id, @PathParam("n") int n) {
        return chromeTrace.export(InterleavingTrace.of(interleaved(id, n)));
    }

    /** The same interleaving as the lesson page's timeline draws it (its own trace events). */
    @GET
    @Path("submissions/{id}/checks/{n}/events")
    public List<TraceEvent> checkEvents(@PathParam("id") String id, @PathParam("n") int n) {
        return InterleavingTrace.of(interleaved(id, n));
    }

    private CheckResult interleaved(String id, int n) {
        List<CheckResult> checks = find(id).checks();
        if (n < 0 || n >= checks.size() || checks.get(n).interleaving() == null) {
            throw new NotFoundException("Check " + n + " of submission '" + id + "' has no interleaving.");
        }
        return checks.get(n);
    }

    /** Results that regrades replaced, oldest first. */
    @GET
    @Path("submissions/{id}/history")
    public List<SubmissionView> history(@PathParam("id") String id) {
        Submission submission = find(id);
        return submissions.history(submission.id()).stream()
                .map(s -> SubmissionView.of(s, false, null, null)).toList();
    }

    /** Regrades every learner's latest submission to the exercise in the background (instructors). */
    @POST
    @Path("exercises/{id}/regrade")
    @RolesAllowed({Role.INSTRUCTOR_NAME, Role.ADMIN_NAME})
    public Response regrade(@PathParam("id") String exerciseId) {
        return Response.accepted(submissions.regrade(exerciseId).progress()).build();
    }

    @GET
    @Path("regrades/{id}")
    @RolesAllowed({Role.INSTRUCTOR_NAME, Role.ADMIN_NAME})
    public Regrade.Progress regradeProgress(@PathParam("id") String id) {
        return submissions.regradeProgress(id)
                .orElseThrow(() -> new NotFoundException("No regrade with id '" + id + "'."));
    }

    private Submission find(String id) {
        return submissions.find(id).filter(this::visible)
                .orElseThrow(() -> new NotFoundException("No submission with id '" + id + "'."));
    }

    private boolean visible(Submission submission) {
        return submission.learnerId().equals(viewer.ownerId())
                || viewer.account().map(submission::visibleTo).orElse(false) || fromBeforeAccounts(submission);
    }

    /** Made anonymously before accounts existed (no account and no batch owns it): readable by id, as it was. */
    private boolean fromBeforeAccounts(Submission submission) {
        return !submission.learnerId().startsWith(BatchOwner.PREFIX)
                && accounts.byId(submission.learnerId()).isEmpty();
    }
}
