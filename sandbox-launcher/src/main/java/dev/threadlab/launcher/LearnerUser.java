package dev.threadlab.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The learner's program, its child processes and every test JVM run under their own uid, never the launcher's: so they
 * cannot open the launcher's file descriptors (the frame stream), read its memory, attach to it or signal it.
 *
 * <p>The launcher starts as uid 10000 with only CAP_SETUID and CAP_SETGID, as ambient capabilities set by the image's
 * entry point; {@code setpriv} uses them to become the learner, clears the inheritable and ambient sets, and then runs
 * the program, which so starts with no capabilities at all (and, under no-new-privileges, can gain none).
 */
final class LearnerUser {
    static final int UID = 10001;
    static final int GID = 10001;

    private LearnerUser() {
    }

    /** {@code command}, run as the learner. */
    static List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + GID, "--clear-groups",
                "--inh-caps=-all", "--ambient-caps=-all", "--"));
        full.addAll(command);
        return full;
    }
}
