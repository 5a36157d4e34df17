/** A bank account that several threads deposit into. */
public class BankAccount {
    private long balance;

    public void deposit(long amount) {
        balance += amount;
    }

    public long balance() {
        return balance;
    }
}
