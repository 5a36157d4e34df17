/** A bank account that several threads deposit into: one lock guards the balance. */
public class BankAccount {
    private long balance;

    public synchronized void deposit(long amount) {
        balance += amount;
    }

    public synchronized long balance() {
        return balance;
    }
}
