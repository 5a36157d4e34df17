import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class BankAccountTest {

    @Test
    void oneThreadKeepsEveryDeposit() {
        BankAccount account = new BankAccount();
        for (int n = 0; n < 1000; n++) {
            account.deposit(2);
        }
        assertEquals(2000, account.balance());
    }

    @Test
    void fourThreadsKeepEveryDeposit() throws InterruptedException {
        BankAccount account = new BankAccount();
        Thread[] threads = new Thread[4];
        // All four start depositing at the same moment and keep at it long enough to overlap, even on a busy machine.
        CyclicBarrier start = new CyclicBarrier(threads.length);
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int n = 0; n < 200_000; n++) {
                    account.deposit(1);
                }
            });
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(800_000, account.balance(), "deposits were lost: two threads read the same old balance");
    }
}
