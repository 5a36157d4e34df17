package dev.threadlab.account;

import dev.threadlab.message.Message;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The account API for browsers and scripts: sign-up, log-in, who am I, tokens, and roles (admins). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Credentials(String username, String password) {
    }

    public record Me(String username, Set<String> roles) {
        static Me of(Account account) {
            Set<String> names = new TreeSet<>();
            account.roles().forEach(role -> names.add(role.roleName()));
            return new Me(account.username(), names);
        }
    }

    public record TokenRequest(String name) {
    }

    public record RoleRequest(String role) {
    }

    @Inject
    Accounts accounts;
    @Inject
    dev.threadlab.account.Credentials credentials;
    @Inject
    Viewer viewer;

    /** Creates a learner account and logs this browser in; its anonymous work becomes the account's. */
    @POST
    @Path("auth/signup")
    public Response signUp(Credentials body) {
        Account account = accounts.signUp(body == null ? null : body.username(), body == null ? null : body.password(),
                viewer.anonymousId());
        return loggedIn(Response.status(Response.Status.CREATED), account);
    }

    @POST
    @Path("auth/login")
    public Response logIn(Credentials body) {
        Account account = accounts.logIn(body == null ? null : body.username(), body == null ? null : body.password(),
                viewer.address());
        return loggedIn(Response.ok(), account);
    }

    @POST
    @Path("auth/logout")
    public Response logOut(@jakarta.ws.rs.CookieParam(SessionCookie.NAME) String session) {
        credentials.closeSession(session);
        return Response.noContent().cookie(SessionCookie.cleared(viewer.secure())).build();
    }

    @GET
    @Path("me")
    public Me me() {
        return Me.of(viewer.requireAccount(AccountAction.SEE_ACCOUNT));
    }

    @POST
    @Path("tokens")
    public Response createToken(TokenRequest body) {
        NewToken token = credentials.createToken(viewer.requireAccount(AccountAction.CREATE_TOKEN),
                body == null ? null : body.name());
        return Response.status(Response.Status.CREATED).entity(token).build();
    }

    @GET
    @Path("tokens")
    public List<TokenView> tokens() {
        return credentials.tokens(viewer.requireAccount(AccountAction.LIST_TOKENS));
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") String id) {
        credentials.revoke(viewer.requireAccount(AccountAction.REVOKE_TOKEN), id);
        return Response.noContent().build();
    }

    @GET
    @Path("admin/users")
    @RolesAllowed(Role.ADMIN_NAME)
    public List<Me> users() {
        return accounts.all().stream().map(Me::of).toList();
    }

    /** Gives a user a role, e.g. {"role": "instructor"}. */
    @POST
    @Path("admin/users/{username}/roles")
    @RolesAllowed(Role.ADMIN_NAME)
    public Me grant(@PathParam("username") String username, RoleRequest body) {
        Role role = Role.parse(body == null ? null : body.role());
        if (role == null) {
            throw new AccountException(AccountException.Kind.INVALID, Message.of("account.unknownRole"));
        }
        return Me.of(accounts.grant(username, role));
    }

    Response loggedIn(Response.ResponseBuilder response, Account account) {
        return response.entity(Me.of(account)).cookie(credentials.sessionCookie(account, viewer.secure())).build();
    }
}
