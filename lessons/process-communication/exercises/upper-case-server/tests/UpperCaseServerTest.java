import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the learner's server (Main.main("server")) in a thread of this JVM and talks to it as a different client,
 * with different lines, so that only a real server passes. In this JVM the server's pid is this JVM's pid.
 */
class UpperCaseServerTest {
    private static final long PID = ProcessHandle.current().pid();

    /** What the server prints on System.out, line by line. */
    static final class Lines extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }

    private PrintStream originalOut;
    private final Lines printed = new Lines();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread server;

    @BeforeEach
    void startServer() {
        originalOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        server = new Thread(() -> {
            try {
                Main.main(new String[] {"server"});
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "server-under-test");
        server.setDaemon(true);
        server.start();
    }

    @AfterEach
    void restoreOut() {
        System.setOut(originalOut);
    }

    private int port() throws InterruptedException {
        String first = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (first == null && System.nanoTime() < deadline) {
            boolean ended = !server.isAlive();
            first = printed.lines.poll(50, TimeUnit.MILLISECONDS);
            if (first == null && ended) {
                fail("runServer() ended without printing its port" + crash());
            }
        }
        if (first == null) {
            fail("the server printed no line within 5 s" + crash()
                    + ": print the port as the first line of stdout, before accept()");
        }
        try {
            return Integer.parseInt(first.trim());
        } catch (NumberFormatException e) {
            return fail("the server's first line should be its port number, but it was \"" + first + "\"");
        }
    }

    private String crash() {
        Throwable e = failure.get();
        return e == null ? "" : " (runServer() threw " + e + ")";
    }

    private static String ask(PrintWriter out, BufferedReader in, String line) throws IOException {
        out.println(line);
        try {
            return in.readLine();
        } catch (SocketTimeoutException e) {
            return fail("no answer to \"" + line + "\" within 5 s: does the server flush each answer"
                    + " (new PrintWriter(..., true))?");
        }
    }

    private void assertServerEnded(String when) throws InterruptedException {
        server.join(5000);
        assertFalse(server.isAlive(), "runServer() should return " + when + ", but it was still running 5 s later");
        if (failure.get() != null) {
            fail("runServer() ended with an exception " + when + ": " + failure.get());
        }
    }

    @Test
    void answersEveryLineOfAnotherClientAndEndsOnBye() throws Exception {
        int port = port();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()))) {
            socket.setSoTimeout(5000);
            for (String line : List.of("queue", "Hello, World", "pipes and sockets", "bye bye", "x")) {
                String answer = ask(out, in, line);
                assertNotNull(answer, "the server hung up instead of answering \"" + line + "\"" + crash());
                assertEquals(PID + " " + line.toUpperCase(), answer,
                        "the answer to \"" + line + "\" should be the server's pid, a space and the line in upper case");
            }
            assertEquals("bye", ask(out, in, "bye"), "the answer to \"bye\" should be \"bye\"");
        }
        assertServerEnded("after answering \"bye\"");
    }

    @Test
    void endsWhenTheClientHangsUp() throws Exception {
        int port = port();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()))) {
            socket.setSoTimeout(5000);
            assertEquals(PID + " ONE", ask(out, in, "one"), "the answer to \"one\"");
        } // hang up without "bye"
        assertServerEnded("when the client hangs up without \"bye\" (readLine() returns null)");
    }
}
