package dev.threadlab.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.threadlab.account.AccountException;
import dev.threadlab.message.Message;
import dev.threadlab.run.InvalidRunRequestException;
import dev.threadlab.run.NotYourRunException;
import dev.threadlab.run.TooManyRunsException;
import dev.threadlab.sandbox.SandboxUnavailableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every API error is JSON {@code {"error": "..."}} with a message a person can act on, in English; where the server has
 * it as a message key, {@code messageKey} and {@code args} let the page say it in its reader's language.
 */
public class ApiErrors {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(String error, String messageKey, Map<String, Object> args) {
        ApiError(String error) {
            this(error, null, null);
        }

        ApiError(Message message) {
            this(message.english(), message.key(), message.args());
        }
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRunRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.explanation())).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return error(Response.Status.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response tooManyRuns(TooManyRunsException e) {
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "5")
                .entity(new ApiError(e.explanation())).build();
    }

    @ServerExceptionMapper
    public Response account(AccountException e) {
        Response.ResponseBuilder response = Response.status(e.kind().status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.explanation()));
        if (e.kind() == AccountException.Kind.THROTTLED) {
            response.header("Retry-After", "60");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response notYourRun(NotYourRunException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.explanation())).build();
    }

    @ServerExceptionMapper
    public Response sandboxUnavailable(SandboxUnavailableException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return error(Response.Status.fromStatusCode(e.getResponse().getStatus()), e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }
}
