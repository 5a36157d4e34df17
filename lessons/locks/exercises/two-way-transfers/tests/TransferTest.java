import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Calls Main.transfer with accounts, amounts and lock situations that the program itself never makes. */
class TransferTest {

    @Test
    void oppositeTransfersFinishWithTheRightBalances() throws Exception {
        // The account with the higher number is the first argument of the first clerk this time.
        Account x = new Account(7, 500);
        Account y = new Account(3, 500);
        int transfers = 8;
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread xToY = clerk("test-clerk-x-to-y", start, failure, () -> {
            for (int i = 0; i < transfers; i++) {
                Main.transfer(x, y, 7);
            }
        });
        Thread yToX = clerk("test-clerk-y-to-x", start, failure, () -> {
            for (int i = 0; i < transfers; i++) {
                Main.transfer(y, x, 11);
            }
        });
        xToY.start();
        yToX.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        xToY.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        yToX.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (xToY.isAlive() || yToX.isAlive()) {
            fail("two threads transferring in opposite directions (" + transfers + " transfers each) had not finished"
                    + " after 6 s: they wait for each other's lock (a deadlock)");
        }
        if (failure.get() != null) {
            fail("a transfer failed: " + failure.get());
        }
        assertEquals(500 - transfers * 7 + transfers * 11, x.balance(), "the balance of the account numbered 7");
        assertEquals(500 - transfers * 11 + transfers * 7, y.balance(), "the balance of the account numbered 3");
    }

    @Test
    void aTransferThatThePaymentCheckRefusesMovesNothing() {
        Account poor = new Account(5, 20);
        Account other = new Account(4, 0);
        try {
            Main.transfer(poor, other, 50);
        } catch (IllegalStateException refused) {
            // checkPayment's "cannot pay", passed on
        }
        assertEquals(20, poor.balance(), "a transfer of 50 from an account that holds 20 must be stopped by"
                + " from.checkPayment(amount) before any money moves");
        assertEquals(0, other.balance(), "a transfer that checkPayment refused must not reach the other account");
    }

    @Test
    void noMoneyLeavesAnAccountWhileTheOtherIsLocked() throws Exception {
        Account from = new Account(1, 1_000);
        Account to = new Account(2, 1_000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread transfer;
        to.lock().lock();   // someone else holds the lock of the account the money goes to
        try {
            transfer = clerk("test-clerk", null, failure, () -> Main.transfer(from, to, 10));
            transfer.start();
            // Wait until the transfer waits for that lock (one that only tries it, without waiting, never does).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!to.lock().hasQueuedThreads() && transfer.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            if (from.lock().tryLock(300, TimeUnit.MILLISECONDS)) {
                try {
                    if (from.balance() != 1_000) {
                        fail("the money left the first account while the second account's lock was taken by another"
                                + " thread: a transfer must hold both locks while it moves the money (balance "
                                + from.balance() + " instead of 1000)");
                    }
                } finally {
                    from.lock().unlock();
                }
            }
        } finally {
            to.lock().unlock();
        }
        transfer.join(5000);
        if (transfer.isAlive()) {
            fail("the transfer had not finished 5 s after the second account's lock was free again");
        }
        if (failure.get() != null) {
            fail("the transfer failed: " + failure.get());
        }
        assertEquals(990, from.balance(), "the first account's balance after a transfer of 10");
        assertEquals(1_010, to.balance(), "the second account's balance after a transfer of 10");
    }

    /** A daemon thread (a deadlocked one must not keep the JVM alive) that records what it throws. */
    private static Thread clerk(String name, CyclicBarrier start, AtomicReference<Throwable> failure, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                if (start != null) {
                    start.await(5, TimeUnit.SECONDS);
                }
                work.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }
}
