package dev.threadlab.classroom;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The due date that applies to the viewer, for the exercise page. A class of its own with the full path: JAX-RS
 * picks the resource class before the method, and under {@code /api} the exercise resource's {@code /api/exercises}
 * would win and answer 404.
 */
@Path("/api/exercises/{id}/deadline")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseDeadlineResource {
    private final ClassroomService classroom;

    ExerciseDeadlineResource(ClassroomService classroom) {
        this.classroom = classroom;
    }

    /** {"exerciseId": ..., "deadline": null} when none of the viewer's classes sets one (and for anonymous visitors). */
    @GET
    public ClassViews.ExerciseDeadline deadline(@PathParam("id") String exerciseId) {
        return classroom.deadlineFor(exerciseId);
    }
}
