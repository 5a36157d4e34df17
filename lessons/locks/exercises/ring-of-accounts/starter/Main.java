/**
 * Three clerks move money around a ring of three accounts at the same time: A pays B, B pays C, and C pays A,
 * 100 times each. Every transfer holds the locks of both its accounts while it moves the money.
 */
public class Main {
    static final int ROUNDS = 100;

    public static void main(String[] args) throws InterruptedException {
        Account a = new Account(1, "A", 1_000);
        Account b = new Account(2, "B", 1_000);
        Account c = new Account(3, "C", 1_000);
        Thread[] clerks = {
                clerk("clerk-a-to-b", a, b, 3),
                clerk("clerk-b-to-c", b, c, 2),
                clerk("clerk-c-to-a", c, a, 1),
        };
        for (Thread clerk : clerks) {
            clerk.start();
        }
        for (Thread clerk : clerks) {
            clerk.join();
        }
        for (Account account : new Account[] {a, b, c}) {
            System.out.println(account.name() + ": " + account.balance());
        }
        System.out.println("Total: " + (a.balance() + b.balance() + c.balance()));
    }

    static Thread clerk(String name, Account from, Account to, long amount) {
        return new Thread(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                transfer(from, to, amount);
            }
        }, name);
    }

    /** Moves amount from one account to the other. Three clerks call it at once, around the ring. */
    static void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            synchronized (to) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }
}
