import java.util.concurrent.locks.ReentrantLock;

/**
 * A bank account guarded by its own lock. Leave this file as it is.
 *
 * withdraw() and deposit() may only be called by a thread that holds this account's lock; they check it.
 */
public class Account {
    private final int number;
    private final ReentrantLock lock = new ReentrantLock();
    private long balance;

    public Account(int number, long balance) {
        this.number = number;
        this.balance = balance;
    }

    /** Every account has a different number. */
    public int number() {
        return number;
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** Checks that the money may leave this account. Slow: it takes 50 ms. Hold this account's lock. */
    public void checkPayment(long amount) {
        requireLock();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (amount > balance) {
            throw new IllegalStateException("account " + number + " cannot pay " + amount);
        }
    }

    public void withdraw(long amount) {
        requireLock();
        balance -= amount;
    }

    public void deposit(long amount) {
        requireLock();
        balance += amount;
    }

    /** Read it only after the threads that change it have been joined. */
    public long balance() {
        return balance;
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(Thread.currentThread().getName()
                    + " used account " + number + " without holding its lock");
        }
    }
}
