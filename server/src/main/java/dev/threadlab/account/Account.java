package dev.threadlab.account;

import java.util.Set;

/** An account as the rest of the server sees it: never its password hash. */
public record Account(String id, String username, Set<Role> roles) {

    static Account of(UserAccount user) {
        return new Account(user.id, user.username, Set.copyOf(user.roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Instructors teach; so may admins (they create classes and see every submission too). */
    public boolean teaches() {
        return has(Role.INSTRUCTOR) || has(Role.ADMIN);
    }
}
