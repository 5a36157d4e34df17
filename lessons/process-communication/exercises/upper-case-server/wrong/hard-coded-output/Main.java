import java.util.List;

/**
 * A cheat: starts a child that serves nothing, so that the trace shows one child process, and prints the
 * conversation it knows the parent should have had with it.
 */
public class Main {
    static final List<String> WORDS = List.of("hello", "Socket", "two processes", "goodbye");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            runServer();
            return;
        }
        Process server = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", "server")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long pid = server.pid();
        System.out.println("server is child process " + pid + ", listening on port 41873");
        for (String word : WORDS) {
            System.out.println("sent \"" + word + "\", got \"" + word.toUpperCase() + "\" from pid " + pid);
        }
        System.out.println("answered by child: true");
        System.out.println("sent \"bye\", got \"bye\"");
        System.out.println("child exited with " + server.waitFor());
    }

    static void runServer() {
    }
}
