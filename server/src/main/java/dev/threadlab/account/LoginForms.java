package dev.threadlab.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The HTML forms' targets. Each carries the CSRF field {@code csrf-token}; success and failure both redirect (303), so
 * that a reload never posts a password twice. Only local paths are followed after log-in.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LoginForms {

    @Inject
    Accounts accounts;
    @Inject
    Credentials credentials;
    @Inject
    Viewer viewer;

    @POST
    @Path("login")
    public Response logIn(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        try {
            return session(accounts.logIn(username, password, viewer.address()), next);
        } catch (AccountException e) {
            return back("/login", e, next);
        }
    }

    @POST
    @Path("signup")
    public Response signUp(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        try {
            return session(accounts.signUp(username, password, viewer.anonymousId()), next);
        } catch (AccountException e) {
            return back("/signup", e, next);
        }
    }

    @POST
    @Path("logout")
    public Response logOut(@CookieParam(SessionCookie.NAME) String session) {
        credentials.closeSession(session);
        return Response.seeOther(URI.create("/")).cookie(SessionCookie.cleared(viewer.secure())).build();
    }

    private Response session(Account account, String next) {
        return Response.seeOther(URI.create(localPath(next)))
                .cookie(credentials.sessionCookie(account, viewer.secure())).build();
    }

    private static Response back(String page, AccountException e, String next) {
        // The page shows its own localized sentence for the kind; no server text travels in the URL.
        String query = "?error=" + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (next == null ? "" : "&next=" + URLEncoder.encode(localPath(next), StandardCharsets.UTF_8));
        return Response.seeOther(URI.create(page + query)).build();
    }

    /** Where to go after logging in: a path on this site, never another site ("//evil" or "https:" are refused). */
    public static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return next;
    }
}
