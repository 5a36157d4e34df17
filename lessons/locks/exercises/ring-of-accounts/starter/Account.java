/**
 * A bank account guarded by its own monitor. Leave this file as it is.
 *
 * withdraw() and deposit() may only be called by a thread inside synchronized (account); they check it.
 */
public class Account {
    private final int number;
    private final String name;
    private long balance;

    public Account(int number, String name, long balance) {
        this.number = number;
        this.name = name;
        this.balance = balance;
    }

    /** Every account has a different number. The bank's rule: lock the lower number first. */
    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public void withdraw(long amount) {
        requireLock();
        balance -= amount;
    }

    public void deposit(long amount) {
        requireLock();
        balance += amount;
    }

    /** Read it while holding this account's monitor, or after the threads that change it have been joined. */
    public long balance() {
        return balance;
    }

    private void requireLock() {
        if (!Thread.holdsLock(this)) {
            throw new IllegalStateException(Thread.currentThread().getName() + " changed account " + name
                    + " without holding its lock");
        }
    }
}
