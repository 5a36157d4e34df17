/** A cheat: prints the balances it knows, while transfer still locks in argument order. */
public class Main {
    public static void main(String[] args) {
        System.out.println("A: 800");
        System.out.println("B: 1100");
        System.out.println("C: 1100");
        System.out.println("Total: 3000");
    }

    static void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            synchronized (to) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }
}
