import static org.junit.jupiter.api.Assertions.assertEquals;

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
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
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
