import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public class Main {
    static final List<String> WORDS = List.of("hello", "Socket", "two processes", "goodbye");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            runServer();
            return;
        }
        // The parent: start the server as a child JVM and learn its port from the child's first stdout line.
        Process server = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", "server")
                .redirectError(ProcessBuilder.Redirect.INHERIT)   // the server's log (System.err) shows in our console
                .start();
        int port = readPort(server);
        System.out.println("server is child process " + server.pid() + ", listening on port " + port);

        // The client: one connection, one line per word, one answer line per word.
        boolean allFromChild = true;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()))) {
            socket.setSoTimeout(5000);   // an answer that never comes fails after 5 s instead of hanging
            for (String word : WORDS) {
                out.println(word);
                String answer = in.readLine();                    // expected: "<pid> <WORD IN UPPER CASE>"
                if (answer == null) {
                    throw new IllegalStateException("the server hung up without answering \"" + word + "\"");
                }
                int space = answer.indexOf(' ');
                String pid = space < 0 ? "?" : answer.substring(0, space);
                String text = answer.substring(space + 1);
                System.out.println("sent \"" + word + "\", got \"" + text + "\" from pid " + pid);
                allFromChild &= pid.equals(String.valueOf(server.pid()));
            }
            System.out.println("answered by child: " + allFromChild);
            out.println("bye");
            System.out.println("sent \"bye\", got \"" + in.readLine() + "\"");
        }
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            System.out.println("the server is still running 5 s after bye; killing it");
            server.destroyForcibly();
        }
        System.out.println("child exited with " + server.waitFor());
    }

    /** Reads the port number that the server prints as the first line of its stdout. */
    static int readPort(Process server) throws Exception {
        BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream()));
        // readLine() waits until the server prints a line (or ends); wait for that at most 10 s
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return serverOut.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String first;
        try {
            first = firstLine.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.out.println("the server printed no port within 10 s: does it print the port before accept()?");
            server.destroyForcibly();
            System.exit(1);
            return -1;
        }
        if (first == null) {
            System.out.println("the server ended without printing its port (exit code " + server.waitFor() + ")");
            System.exit(1);
        }
        try {
            return Integer.parseInt(first.trim());
        } catch (NumberFormatException e) {
            System.out.println("the server's first line should be its port number, but it was \"" + first + "\"");
            server.destroyForcibly();
            System.exit(1);
            return -1;
        }
    }

    /** The child: a tiny upper-case server on 127.0.0.1. */
    static void runServer() throws IOException {
        long pid = ProcessHandle.current().pid();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.out.println(listener.getLocalPort());          // the first line of stdout: the port
            try (Socket client = listener.accept();               // waits until the parent connects
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream()));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true)) {
                String line;
                while ((line = in.readLine()) != null) {          // null: the client hung up
                    if (line.equals("bye")) {
                        out.println("bye");
                        return;
                    }
                    out.println(pid + " " + line.toUpperCase());
                }
            }
        }
    }
}
