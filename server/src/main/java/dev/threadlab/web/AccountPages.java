package dev.threadlab.web;

import dev.threadlab.account.Account;
import dev.threadlab.account.AccountConfig;
import dev.threadlab.account.LoginForms;
import dev.threadlab.account.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The account's pages: log in, sign up (both post to {@code LoginForms}) and the account itself. The forms are plain
 * HTML posts, so they work without the page's script and need no inline code under the CSP.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginError error, String next);

        static native TemplateInstance signup(LoginError error, String next, int minLength);

        static native TemplateInstance account(Account account, List<Role> roles);
    }

    private final PageContext context;
    private final AccountConfig config;

    AccountPages(PageContext context, AccountConfig config) {
        this.context = context;
        this.config = config;
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error, @QueryParam("next") String next) {
        String back = returnTo(next);
        return context.render(Response.ok(), Templates.login(LoginError.parse(error), back), back);
    }

    @GET
    @Path("signup")
    public Response signup(@QueryParam("error") String error, @QueryParam("next") String next) {
        String back = returnTo(next);
        return context.render(Response.ok(),
                Templates.signup(LoginError.parse(error), back, config.passwordMinLength()), back);
    }

    /** Logged in only: an anonymous visitor is sent to log in and comes back here. */
    @GET
    @Path("account")
    public Response account() {
        Optional<Account> account = context.account();
        if (account.isEmpty()) {
            return Response.seeOther(URI.create("/login?next=/account")).build();
        }
        List<Role> roles = account.get().roles().stream().sorted().toList();
        return context.render(Response.ok(), Templates.account(account.get(), roles));
    }

    /** Where the form goes after logging in: the same rule LoginForms applies when the form comes back. */
    private static String returnTo(String next) {
        return LoginForms.localPath(next);
    }
}
