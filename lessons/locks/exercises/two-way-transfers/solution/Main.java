import java.util.concurrent.CyclicBarrier;

public class Main {
    static final int TRANSFERS = 10;

    public static void main(String[] args) throws InterruptedException {
        Account a = new Account(1, 1_000);
        Account b = new Account(2, 1_000);
        CyclicBarrier start = new CyclicBarrier(2);   // both clerks begin at the same moment

        Thread aToB = new Thread(() -> {
            awaitQuietly(start);
            for (int i = 0; i < TRANSFERS; i++) {
                transfer(a, b, 10);
            }
        }, "clerk-a-to-b");
        Thread bToA = new Thread(() -> {
            awaitQuietly(start);
            for (int i = 0; i < TRANSFERS; i++) {
                transfer(b, a, 30);
            }
        }, "clerk-b-to-a");
        aToB.start();
        bToA.start();
        aToB.join();
        bToA.join();

        System.out.println("A: " + a.balance());
        System.out.println("B: " + b.balance());
        System.out.println("Total: " + (a.balance() + b.balance()));
    }

    /** Moves amount from one account to the other. Two threads call it at once, in opposite directions. */
    static void transfer(Account from, Account to, long amount) {
        // One global order: every thread locks the account with the lower number first. A thread that holds
        // the higher-numbered lock already holds the lower one too, so no two threads can wait for each other.
        Account first = from.number() < to.number() ? from : to;
        Account second = first == from ? to : from;
        first.lock().lock();
        try {
            second.lock().lock();
            try {
                from.checkPayment(amount);
                from.withdraw(amount);
                to.deposit(amount);
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }

    static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
