package dev.threadlab.account;

import java.util.Locale;

/** What an account may do. Names are the role strings that {@code @RolesAllowed} checks. */
public enum Role {
    LEARNER, INSTRUCTOR, ADMIN;

    public static final String LEARNER_NAME = "learner";
    public static final String INSTRUCTOR_NAME = "instructor";
    public static final String ADMIN_NAME = "admin";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a name from a request, or null when there is no such role. */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.roleName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return role;
            }
        }
        return null;
    }
}
