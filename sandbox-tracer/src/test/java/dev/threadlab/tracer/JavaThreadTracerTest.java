package dev.threadlab.tracer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracer in this JVM, reporting to a buffer instead of the launcher: what it says about threads that wait, end and
 * start while it samples. It finds a sample's threads by their place in the last sample, so threads that end between
 * two samples and threads that start after them are what could get one thread's state reported for another.
 */
class JavaThreadTracerTest {
    private final Lines lines = new Lines();
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        lines.close(); // the tracer's next write fails, and it ends as it does when the launcher goes away
        for (Thread thread : started) {
            thread.interrupt();
            thread.join(5000);
        }
    }

    @Test
    void threadsThatEndOrStartBetweenSamplesDoNotTakeEachOthersStates() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start("tt-holder", () -> {
            lock.lock();
            try {
                holding.countDown();
                release.await();
            } finally {
                lock.unlock();
            }
        });
        holding.await();
        CountDownLatch firstEnds = new CountDownLatch(1);
        start("tt-first", firstEnds::await);
        for (String name : List.of("tt-a", "tt-b", "tt-c")) {
            start(name, () -> {
                lock.lock();
                lock.unlock();
                new CountDownLatch(1).await();
            });
        }
        Thread tracer = new Thread(new JavaThreadTracer(lines), "tt-tracer");
        tracer.setDaemon(true);
        tracer.start();
        String holder = tid("tt-holder");
        for (String name : List.of("tt-a", "tt-b", "tt-c")) {
            lines.await("a state naming its lock's owner for " + name, state(tid(name),
                    s -> s[3].equals("WAITING") && s[4].equals("park") && s[5].contains("ReentrantLock$NonfairSync")
                            && s[6].equals(holder) && s[7].equals("tt-holder")));
        }

        String first = tid("tt-first");
        firstEnds.countDown();
        lines.await("the end of tt-first", line -> line.startsWith("Q\t") && line.endsWith("\t" + first));
        CountDownLatch sleeping = new CountDownLatch(1);
        start("tt-late", () -> {
            sleeping.countDown();
            Thread.sleep(60_000);
        });
        sleeping.await();
        String late = tid("tt-late");
        lines.await("tt-late asleep", state(late, s -> s[3].equals("TIMED_WAITING") && s[4].equals("sleep")));

        int before = lines.size();
        release.countDown();
        // Each waiter takes the lock in turn, then waits on a latch of its own: a park without an owner.
        for (String name : List.of("tt-a", "tt-b", "tt-c")) {
            lines.await(name + " parked on its latch", state(tid(name),
                    s -> s[3].equals("WAITING") && s[5].contains("CountDownLatch$Sync") && s[6].isEmpty()));
        }
        for (String line : lines.since(before)) {
            if (line.startsWith("S\t") && line.split("\t", -1)[2].equals(late)) {
                fail("tt-late never left its sleep, yet the tracer said: " + line);
            }
        }
    }

    private void start(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException ended) {
                // the test is over
            }
        }, name);
        thread.setDaemon(true);
        started.add(thread);
        thread.start();
    }

    /** The OS thread id the tracer paired with the Java thread of this name. */
    private String tid(String name) throws InterruptedException {
        String described = lines.await("a J line for " + name,
                line -> line.startsWith("J\t") && line.split("\t", -1)[6].equals(name));
        return described.split("\t", -1)[2];
    }

    private static Predicate<String> state(String tid, Predicate<String[]> fields) {
        return line -> {
            if (!line.startsWith("S\t")) {
                return false;
            }
            String[] s = line.split("\t", -1);
            return s[2].equals(tid) && fields.test(s);
        };
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    /** What the tracer wrote, as lines; closed, it refuses writes as a closed socket does. */
    private static final class Lines extends OutputStream {
        private final StringBuilder pending = new StringBuilder();
        private final List<String> complete = new ArrayList<>();
        private boolean closed;

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            pending.append(new String(b, off, len, StandardCharsets.UTF_8));
            for (int newline = pending.indexOf("\n"); newline >= 0; newline = pending.indexOf("\n")) {
                complete.add(pending.substring(0, newline));
                pending.delete(0, newline + 1);
            }
            notifyAll();
        }

        @Override
        public synchronized void close() {
            closed = true;
        }

        synchronized int size() {
            return complete.size();
        }

        synchronized List<String> since(int index) {
            return new ArrayList<>(complete.subList(index, complete.size()));
        }

        synchronized String await(String what, Predicate<String> test) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            int checked = 0;
            while (true) {
                for (; checked < complete.size(); checked++) {
                    if (test.test(complete.get(checked))) {
                        return complete.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("no " + what + " in the tracer's lines:\n" + String.join("\n", complete));
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
