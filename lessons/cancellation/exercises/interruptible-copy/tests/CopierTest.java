import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CopierTest {
    /** A source that would go on for ever stops after this many records, so that a copier that never stops ends. */
    private static final int SAFETY_LIMIT = 1_000_000;

    /** What became of one call of copyAll on its own thread. */
    private static final class Run {
        final Thread thread;
        volatile Integer copied;
        volatile boolean flagAfterwards;
        volatile Throwable thrown;

        Run(Source source, Sink sink, boolean interruptedBeforeTheStart) {
            thread = new Thread(() -> {
                if (interruptedBeforeTheStart) {
                    Thread.currentThread().interrupt();
                }
                try {
                    copied = Copier.copyAll(source, sink);
                } catch (Throwable e) {
                    thrown = e;
                }
                flagAfterwards = Thread.currentThread().isInterrupted();
            }, "copier");
            thread.setDaemon(true);   // a copier that never returns must not keep the tests from ending
            thread.start();
        }

        /** Waits for copyAll to return; fails with the message if it does not within the time. */
        void awaitReturn(long seconds, String message) throws InterruptedException {
            awaitReturn(seconds, () -> message);
        }

        void awaitReturn(long seconds, Supplier<String> message) throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
            check(!thread.isAlive(), message.get());
            if (thrown != null) {
                fail("copyAll threw " + thrown + " instead of returning how many records it copied");
            }
        }
    }

    /** Records r1 ... rN, then the end (null). */
    private static Source records(int n, AtomicInteger calls) {
        return () -> {
            int call = calls.incrementAndGet();
            return call <= n ? "r" + call : null;
        };
    }

    /** Three records at once; then it waits for a fourth that never comes (until the thread is interrupted). */
    private static Source threeThenWaits(CountDownLatch waiting, AtomicInteger calls) {
        CountDownLatch never = new CountDownLatch(1);
        return () -> {
            int call = calls.incrementAndGet();
            if (call <= 3) {
                return "r" + call;
            }
            waiting.countDown();
            never.await();   // throws InterruptedException when the copier's thread is interrupted
            return "late";
        };
    }

    /** A sink that counts its records and interrupts its own thread while it writes record number `at`. */
    private static Sink interruptingAt(int at, AtomicInteger written) {
        return record -> {
            if (written.incrementAndGet() == at) {
                Thread.currentThread().interrupt();   // as if another thread interrupted it right now
            }
        };
    }

    @Test
    void copiesEveryRecordInOrder() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> copy = new ArrayList<>();
        Run run = new Run(records(500, calls), copy::add, false);
        run.awaitReturn(10, "copyAll did not return within 10 s when copying 500 records");

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            expected.add("r" + i);
        }
        assertEquals(expected, copy, "the sink must get every record of the source, once each, in order");
        assertEquals(500, run.copied, "copyAll must return how many records it copied");
        check(!run.flagAfterwards, "nobody interrupted the copier, but its interrupt flag was set when copyAll returned");
    }

    @Test
    void stopsWhenInterruptedWhileWaitingForARecord() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        Run run = new Run(threeThenWaits(waiting, calls), record -> written.incrementAndGet(), false);
        check(waiting.await(10, TimeUnit.SECONDS), "copyAll did not ask for a fourth record within 10 s");

        run.thread.interrupt();
        run.awaitReturn(5, () -> "copyAll did not return within 5 s after its thread was interrupted while it waited"
                + " for a record (source.next() threw InterruptedException" + (calls.get() > 4
                ? ", and copyAll asked for the next record again: the interrupt was swallowed)" : ")"));
        assertEquals(3, run.copied, "copyAll must return how many records it had copied: 3");
        assertEquals(3, written.get(), "the sink must have got the three records the source gave");
    }

    @Test
    void stopsWhenInterruptedWhileWriting() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        Run run = new Run(records(SAFETY_LIMIT, calls), interruptingAt(100, written), false);
        run.awaitReturn(20, "copyAll did not return within 20 s");

        check(written.get() >= 100, "copyAll returned after writing " + written.get() + " records, although the"
                + " source had many more and nobody had interrupted it yet");
        check(written.get() == 100, "the copier's thread was interrupted while it wrote record 100 (a source that"
                + " never waits, so no InterruptedException), but copyAll went on and wrote " + (written.get() - 100)
                + " more records: check the interrupt flag before taking the next record");
        check(calls.get() == 100, "after the interrupt during record 100, copyAll still took another record from"
                + " the source (source.next() was called " + calls.get() + " times): once the thread is interrupted,"
                + " take no more records");
        assertEquals(100, run.copied, "copyAll must return how many records it copied: 100");
    }

    @Test
    void leavesTheInterruptFlagSetForItsCaller() throws Exception {
        // Interrupted while waiting: the InterruptedException has cleared the flag.
        CountDownLatch waiting = new CountDownLatch(1);
        Run waited = new Run(threeThenWaits(waiting, new AtomicInteger()), record -> { }, false);
        check(waiting.await(10, TimeUnit.SECONDS), "copyAll did not ask for a fourth record within 10 s");
        waited.thread.interrupt();
        waited.awaitReturn(5, "copyAll did not return within 5 s after its thread was interrupted while it waited"
                + " for a record");
        check(waited.flagAfterwards, "copyAll was interrupted while it waited for a record and returned, but the"
                + " interrupt flag of its thread was no longer set: the InterruptedException cleared it, so set it"
                + " again (Thread.currentThread().interrupt()) before returning");

        // Interrupted while writing: the flag is set, and copyAll must not clear it.
        Run wrote = new Run(records(SAFETY_LIMIT, new AtomicInteger()), interruptingAt(100, new AtomicInteger()), false);
        wrote.awaitReturn(20, "copyAll did not return within 20 s");
        check(wrote.flagAfterwards, "copyAll was interrupted while it wrote a record and returned, but the interrupt"
                + " flag of its thread was no longer set: Thread.interrupted() clears it, isInterrupted() only looks");
    }

    @Test
    void anInterruptFromBeforeTheStartCounts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        Run run = new Run(records(SAFETY_LIMIT, calls), record -> written.incrementAndGet(), true);
        run.awaitReturn(20, "copyAll did not return within 20 s");

        check(calls.get() == 0 && written.get() == 0, "the thread was interrupted before it called copyAll, but"
                + " copyAll took " + calls.get() + " records from the source and wrote " + written.get()
                + ": it should return at once");
        assertEquals(0, run.copied, "copyAll copied nothing, so it must return 0");
        check(run.flagAfterwards, "the thread was interrupted before it called copyAll, and afterwards its interrupt"
                + " flag was no longer set: copyAll must leave it set");
    }

    /** Like assertTrue, without "expected: <true> but was: <false>" after the message. */
    private static void check(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }
}
