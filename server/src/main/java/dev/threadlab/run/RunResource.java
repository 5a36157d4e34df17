package dev.threadlab.run;

import dev.threadlab.account.Account;
import dev.threadlab.account.AccountAction;
import dev.threadlab.account.LearnerCookie;
import dev.threadlab.account.Viewer;
import dev.threadlab.lesson.ReaderLanguage;
import dev.threadlab.trace.ChromeTraceExport;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The run API: submit a program, read its state and its scheduling trace, cancel it. Live output is on
 * {@link RunSocket}.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService runs;
    private final ChromeTraceExport chromeTrace;
    private final Viewer viewer;
    private final RunHistory history;
    private final ReaderLanguage readerLanguage;

    RunResource(RunService runs, ChromeTraceExport chromeTrace, Viewer viewer, RunHistory history,
            ReaderLanguage readerLanguage) {
        this.runs = runs;
        this.chromeTrace = chromeTrace;
        this.viewer = viewer;
        this.history = history;
        this.readerLanguage = readerLanguage;
    }

    /** The signed-in learner's last runs, newest first (401 when anonymous: their runs are not kept). */
    @GET
    @Path("/history")
    public List<RunHistory.Entry> history() {
        return history.list(viewer.requireAccount(AccountAction.SEE_RUN_HISTORY).id());
    }

    /** One kept run with its files, output and trace; another learner's is 404. */
    @GET
    @Path("/history/{id}")
    public RunHistory.Entry kept(@PathParam("id") String id) {
        return history.find(viewer.requireAccount(AccountAction.SEE_RUN_HISTORY).id(), id)
                .orElseThrow(() -> new NotFoundException("No run with id '" + id + "' in your history."));
    }

    public record Accepted(String id, RunStatus status, Integer queuePosition) {
    }

    /**
     * The client is the learner cookie's id (else the address) and the remote address; behind a reverse proxy, set
     * {@code quarkus.http.proxy.proxy-address-forwarding=true} so that the address is the learner's, not the proxy's.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(RunRequest request, @CookieParam(LearnerCookie.NAME) String learnerCookie,
            @Context HttpServerRequest http) {
        // The reader's language as the pages pick it: the compiler's messages come in it.
        String language = readerLanguage.get().tag();
        Run run = runs.submit(request, client(learnerCookie, http), viewer.account().map(Account::id).orElse(null),
                language);
        RunView view = run.view();
        return Response.accepted(new Accepted(run.id(), RunStatus.QUEUED, view.queuePosition())).build();
    }

    @GET
    @Path("/{id}")
    public RunView get(@PathParam("id") String id) {
        return find(id).view();
    }

    /** Only the learner who started the run may cancel it (403 for anyone else; the run goes on). */
    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id, @CookieParam(LearnerCookie.NAME) String learnerCookie,
            @Context HttpServerRequest http) {
        Run run = find(id);
        runs.cancel(run, client(learnerCookie, http));
        return Response.accepted(run.view()).build();
    }

    static RunClient client(String learnerCookie, HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        return RunClient.of(LearnerCookie.idFrom(learnerCookie), remote == null ? null : remote.hostAddress());
    }

    /**
     * The trace so far: Chrome trace-event JSON for Perfetto and chrome://tracing (default), or
     * {@code ?format=events} for the events as the WebSocket sends them.
     */
    @GET
    @Path("/{id}/trace")
    public Response trace(@PathParam("id") String id, @QueryParam("format") @DefaultValue("chrome") String format) {
        Run run = find(id);
        if (!run.traced()) {
            throw new NotFoundException("Run '" + id + "' was started with the trace off.");
        }
        return switch (format) {
            case "chrome" -> Response.ok(chromeTrace.export(run.traceEvents()))
                    .header("Content-Disposition", "attachment; filename=\"trace-" + id + ".json\"").build();
            case "events" -> Response.ok(Map.of("events", run.traceEvents())).build();
            default -> throw new BadRequestException("Unknown trace format '" + format + "'; use chrome or events.");
        };
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No run with id '" + id + "'."));
    }
}
