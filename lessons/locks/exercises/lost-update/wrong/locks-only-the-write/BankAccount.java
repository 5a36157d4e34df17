/** The lock guards only the write: the balance is read before it, so two tellers can still read the same old one. */
public class BankAccount {
    private long balance;

    public void deposit(long amount) {
        long current = balance;
        synchronized (this) {
            balance = current + amount;
        }
    }

    public synchronized long balance() {
        return balance;
    }
}
