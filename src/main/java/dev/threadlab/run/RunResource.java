package dev.threadlab.run;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The run API: submit a program, read its state, cancel it. Live output is on {@link RunSocket}. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService runs;

    RunResource(RunService runs) {
        this.runs = runs;
    }

    public record Accepted(String id, RunStatus status, Integer queuePosition) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(RunRequest request) {
        Run run = runs.submit(request);
        RunView view = run.view();
        return Response.accepted(new Accepted(run.id(), RunStatus.QUEUED, view.queuePosition())).build();
    }

    @GET
    @Path("/{id}")
    public RunView get(@PathParam("id") String id) {
        return find(id).view();
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        Run run = find(id);
        runs.cancel(run);
        return Response.accepted(run.view()).build();
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No run with id '" + id + "'."));
    }
}
