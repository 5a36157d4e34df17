/**
 * volatile makes every read and write of the balance go to memory, but `balance += amount` is still a read, an add
 * and a write: two tellers can still read the same old balance.
 */
public class BankAccount {
    private volatile long balance;

    public void deposit(long amount) {
        balance += amount;
    }

    public long balance() {
        return balance;
    }
}
