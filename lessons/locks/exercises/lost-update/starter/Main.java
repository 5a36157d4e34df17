public class Main {
    public static void main(String[] args) throws InterruptedException {
        BankAccount account = new BankAccount();
        Thread[] tellers = new Thread[4];
        for (int i = 0; i < tellers.length; i++) {
            tellers[i] = new Thread(() -> {
                for (int n = 0; n < 1_000_000; n++) {
                    account.deposit(1);
                }
            }, "teller-" + i);
            tellers[i].start();
        }
        for (Thread teller : tellers) {
            teller.join();
        }
        System.out.println("Balance: " + account.balance());
    }
}
