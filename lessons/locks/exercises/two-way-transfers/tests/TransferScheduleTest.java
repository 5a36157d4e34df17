import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedule checks for Main.transfer. Each test runs under a controlled scheduler that chooses, at every lock, sleep
 * and thread start, which thread goes next, and tries a thousand different orders (always the same thousand). A
 * schedule that leaves every thread waiting for a lock is reported as a deadlock; no test here needs a time limit.
 */
class TransferScheduleTest {

    /**
     * Two threads transfer between the same two accounts in opposite directions. Locking the paying account first
     * lets each thread hold one lock and wait for the other's.
     */
    @Test
    void oppositeTransfersNeverDeadlock() throws InterruptedException {
        Account x = new Account(7, 500);   // the higher number is the first clerk's paying account
        Account y = new Account(3, 500);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        startAndJoin(List.of(
                clerk("test-clerk-x-to-y", failures, x, y, 7),
                clerk("test-clerk-y-to-x", failures, y, x, 11)));
        assertEquals(List.of(), failures, "exceptions thrown in the transferring threads");
        assertEquals(500 - 7 + 11, x.balance(), "the balance of the account numbered 7 after both transfers");
        assertEquals(500 - 11 + 7, y.balance(), "the balance of the account numbered 3 after both transfers");
    }

    /**
     * The same two transfers, while an auditor locks both accounts (the lower number first) and adds up their
     * balances. A transfer that lets go of one account before it locks the other leaves the money in neither for a
     * moment, and the auditor finds less than the total.
     */
    @Test
    void theTotalIsAlwaysConserved() throws InterruptedException {
        Account x = new Account(7, 500);
        Account y = new Account(3, 500);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Long> totals = Collections.synchronizedList(new ArrayList<>());
        startAndJoin(List.of(
                clerk("test-clerk-x-to-y", failures, x, y, 7),
                clerk("test-clerk-y-to-x", failures, y, x, 11),
                worker("test-auditor", failures, () -> {
                    for (int audit = 0; audit < 2; audit++) {
                        y.lock().lock();
                        try {
                            x.lock().lock();
                            try {
                                totals.add(x.balance() + y.balance());
                            } finally {
                                x.lock().unlock();
                            }
                        } finally {
                            y.lock().unlock();
                        }
                    }
                })));
        assertEquals(List.of(), failures, "exceptions thrown in the transferring and auditing threads");
        for (long total : totals) {
            if (total != 1_000) {
                fail("an auditor holding the locks of both accounts found money missing: a transfer must hold both"
                        + " locks while it moves the money (the totals it counted instead of 1000: " + totals + ")");
            }
        }
        assertEquals(1_000, x.balance() + y.balance(), "the total of the two accounts at the end");
    }

    private static Thread clerk(String name, List<String> failures, Account from, Account to, long amount) {
        return worker(name, failures, () -> Main.transfer(from, to, amount));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Thread worker(String name, List<String> failures, Work work) {
        return new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failures.add(name + ": " + e);
            }
        }, name);
    }

    private static void startAndJoin(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
