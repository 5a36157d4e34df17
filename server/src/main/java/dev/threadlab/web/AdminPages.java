package dev.threadlab.web;

import dev.threadlab.account.Account;
import dev.threadlab.account.Accounts;
import dev.threadlab.account.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The admin's page of users and their roles. "Make instructor" posts to the role API (admin-users.js), which checks
 * the role again: this page only decides what to show. Anonymous visitors log in first; anyone else gets the same
 * "Not available" page as a class dashboard they may not see.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserRow> users);
    }

    /**
     * A user as the page lists them: roles in a fixed order (learner, instructor, admin), not the set's; "Make
     * instructor" only for those who cannot create classes yet (an admin already can).
     */
    public record UserRow(String username, List<Role> roles, boolean teacher) {

        static UserRow of(Account account) {
            return new UserRow(account.username(), account.roles().stream().sorted().toList(),
                    AccountRoles.teacher(account));
        }
    }

    private final PageContext context;
    private final Accounts accounts;

    AdminPages(PageContext context, Accounts accounts) {
        this.context = context;
        this.accounts = accounts;
    }

    @GET
    @Path("users")
    public Response users() {
        Optional<Account> account = context.account();
        if (account.isEmpty()) {
            return PageContext.logInFirst("/admin/users");
        }
        if (!AccountRoles.admin(account.get())) {
            return context.render(Response.status(Response.Status.FORBIDDEN),
                    ClassroomPages.Templates.refused(context.messages().adminOnly()));
        }
        List<UserRow> users = accounts.all().stream().map(UserRow::of).toList();
        return context.render(Response.ok(), Templates.users(users));
    }
}
