import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

public class Main {
    /** How long a child may take to end after destroy() before it is stopped by force. */
    static final long GRACE_SECONDS = 2;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            runChild(args[1]);
            return;
        }
        Process polite = startChild("polite");
        Process stubborn = startChild("stubborn");
        awaitReady(polite, "polite");
        awaitReady(stubborn, "stubborn");
        System.out.println("both children are running");

        System.out.println("polite child exited with " + stop(polite));
        System.out.println("stubborn child exited with " + stop(stubborn));
    }

    /**
     * Stops a child: politely first (destroy, SIGTERM), by force (destroyForcibly, SIGKILL) only if it is still
     * running after GRACE_SECONDS. Returns the child's exit code once it has really ended.
     */
    static int stop(Process child) throws InterruptedException {
        child.destroy();                                   // ask politely: SIGTERM
        if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();                       // still running after the grace period: SIGKILL
        }
        return child.waitFor();                            // returns soon now: the child has ended or is dying
    }

    static Process startChild(String role) throws Exception {
        Files.deleteIfExists(Path.of(role + ".ready"));
        return new ProcessBuilder(System.getProperty("java.home") + "/bin/java",
                "-cp", System.getProperty("java.class.path"), "Main", "child", role)
                .inheritIO()
                .start();
    }

    /** Waits until the child has registered its shutdown hook (it then creates the file role.ready). */
    static void awaitReady(Process child, String role) throws Exception {
        while (!Files.exists(Path.of(role + ".ready"))) {
            if (!child.isAlive()) {
                throw new IllegalStateException(role + " child ended early with " + child.exitValue());
            }
            Thread.sleep(20);
        }
    }

    /** A child: registers its shutdown hook, says it is ready, then works (sleeps) until it is stopped. */
    static void runChild(String role) throws Exception {
        Runnable cleanup = switch (role) {
            case "polite" -> () -> {
                System.out.println("polite: shutdown hook started, cleaning up");
                pause(300);
                System.out.println("polite: cleanup done");
            };
            case "stubborn" -> () -> {
                System.out.println("stubborn: shutdown hook started, it needs a whole minute");
                pause(60_000);
                System.out.println("stubborn: cleanup done");
            };
            default -> throw new IllegalArgumentException("unknown role " + role);
        };
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup, role + "-cleanup"));
        Files.createFile(Path.of(role + ".ready"));
        while (true) {
            Thread.sleep(1000);                            // "work" until a signal ends the JVM
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
