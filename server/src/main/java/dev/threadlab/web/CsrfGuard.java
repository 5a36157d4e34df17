package dev.threadlab.web;

import dev.threadlab.account.LearnerCookie;
import dev.threadlab.account.SessionCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Refuses (403) a state-changing request that rides on a browser's cookies without a valid CSRF token.
 * quarkus-rest-csrf issues the token (cookie {@code csrf-token}) and checks the {@code csrf-token} form field of every
 * form, and the {@code X-CSRF-TOKEN} header wherever one is sent. This class adds the two rules it lacks: a JSON
 * request that carries our cookies must send the header, and a refusal is a 403 with a message, not a bare 400.
 * Requests that prove who they are with a header (a token or a password) carry no ambient authority and need no
 * token; nor do requests without any of our cookies, which act for nobody.
 */
public class CsrfGuard {
    static final String HEADER = "X-CSRF-TOKEN";
    static final String FIELD = "csrf-token";
    /** Set by quarkus-rest-csrf on the routing context once a token matched. */
    private static final String VERIFIED = "csrf_token_verified";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(priority = 900)
    public Response requireHeader(ContainerRequestContext request, RoutingContext routing) {
        if (exempt(request) || isForm(request.getMediaType()) || !carriesOurCookies(routing)
                || present(request.getHeaderString(HEADER))) {
            return null;
        }
        return forbidden();
    }

    /** quarkus-rest-csrf answers a missing or wrong token with an empty 400; a person should read why (403). */
    @ServerResponseFilter
    public void explainRefusal(ContainerRequestContext request, ContainerResponseContext response,
            RoutingContext routing) {
        if (response.getStatus() == 400 && !response.hasEntity() && !exempt(request)
                && routing.get(VERIFIED) == null) {
            Response refused = forbidden();
            response.setStatus(refused.getStatus());
            response.setEntity(refused.getEntity(), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    // Authentication is proactive: a request still here with an Authorization header was authenticated by it.
    private static boolean exempt(ContainerRequestContext request) {
        return SAFE.contains(request.getMethod()) || request.getHeaderString("Authorization") != null;
    }

    private static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiErrors.ApiError("This request needs a valid CSRF token (the " + HEADER
                        + " header or the " + FIELD + " form field). Reload the page and try again."))
                .build();
    }

    private static boolean carriesOurCookies(RoutingContext routing) {
        return routing.request().getCookie(SessionCookie.NAME) != null
                || routing.request().getCookie(LearnerCookie.NAME) != null;
    }

    private static boolean isForm(MediaType type) {
        return type != null && ("application".equals(type.getType()) && "x-www-form-urlencoded".equals(type.getSubtype())
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
