import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedule checks for Main.transfer. Each test runs under a controlled scheduler that chooses, at every lock and
 * thread start, which thread goes next, and tries a thousand different orders (always the same thousand). A
 * schedule that leaves every thread waiting for a lock is reported as a deadlock; no test here needs a time limit.
 */
class RingScheduleTest {

    /**
     * A pays B, B pays C and C pays A, twice each, at the same time. Locking the paying account first lets each
     * clerk hold one lock and wait for the next clerk's, all around the ring.
     */
    @Test
    void transfersAroundTheRingNeverDeadlock() throws InterruptedException {
        Account a = new Account(1, "A", 100);
        Account b = new Account(2, "B", 100);
        Account c = new Account(3, "C", 100);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        startAndJoin(List.of(
                clerk("clerk-a-to-b", failures, a, b, 10),
                clerk("clerk-b-to-c", failures, b, c, 20),
                clerk("clerk-c-to-a", failures, c, a, 30)));
        assertEquals(List.of(), failures, "exceptions thrown in the transferring threads");
        assertEquals(100 - 2 * 10 + 2 * 30, a.balance(), "the balance of account A after the transfers");
        assertEquals(100 - 2 * 20 + 2 * 10, b.balance(), "the balance of account B after the transfers");
        assertEquals(100 - 2 * 30 + 2 * 20, c.balance(), "the balance of account C after the transfers");
    }

    /**
     * The same ring, one transfer each, while an auditor locks all three accounts (by number, as the bank's rule
     * says) and adds up their balances. A transfer that lets go of one account before it locks the other leaves the
     * money in neither for a moment, and the auditor finds less than the total.
     */
    @Test
    void theAuditorAlwaysFindsTheWholeTotal() throws InterruptedException {
        Account a = new Account(1, "A", 100);
        Account b = new Account(2, "B", 100);
        Account c = new Account(3, "C", 100);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Long> totals = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>(List.of(
                clerk("clerk-a-to-b", failures, a, b, 10, 1),
                clerk("clerk-b-to-c", failures, b, c, 20, 1),
                clerk("clerk-c-to-a", failures, c, a, 30, 1)));
        threads.add(worker("auditor", failures, () -> {
            for (int audit = 0; audit < 2; audit++) {
                synchronized (a) {
                    synchronized (b) {
                        synchronized (c) {
                            totals.add(a.balance() + b.balance() + c.balance());
                        }
                    }
                }
            }
        }));
        startAndJoin(threads);
        assertEquals(List.of(), failures, "exceptions thrown in the transferring and auditing threads");
        for (long total : totals) {
            if (total != 300) {
                fail("the auditor, holding the locks of all three accounts, found money missing: a transfer must"
                        + " hold the locks of both its accounts while it moves the money (the totals it counted"
                        + " instead of 300: " + totals + ")");
            }
        }
        assertEquals(300, a.balance() + b.balance() + c.balance(), "the total of the three accounts at the end");
    }

    private static Thread clerk(String name, List<String> failures, Account from, Account to, long amount) {
        return clerk(name, failures, from, to, amount, 2);
    }

    private static Thread clerk(String name, List<String> failures, Account from, Account to, long amount,
            int transfers) {
        return worker(name, failures, () -> {
            for (int i = 0; i < transfers; i++) {
                Main.transfer(from, to, amount);
            }
        });
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
