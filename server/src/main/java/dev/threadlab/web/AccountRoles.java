package dev.threadlab.web;

import dev.threadlab.account.Account;
import dev.threadlab.account.Role;
import io.quarkus.qute.TemplateExtension;

/**
 * What an account may see in the pages, as {@code {account.admin}} and {@code {account.teacher}} in the templates: the
 * header shows links only to pages that will not refuse the viewer. Java pages ask the same methods, so the header
 * and the page never disagree.
 */
@TemplateExtension
final class AccountRoles {

    private AccountRoles() {
    }

    static boolean admin(Account account) {
        return account.has(Role.ADMIN);
    }

    /** Instructors create classes; admins may too (the same rule ClassroomService.create applies). */
    static boolean teacher(Account account) {
        return account.teaches();
    }
}
