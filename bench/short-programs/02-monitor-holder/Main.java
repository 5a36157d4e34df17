public class Main {
    private static final Object account = new Object();
    private static int balance = 100;

    public static void main(String[] args) throws InterruptedException {
        Thread holder = new Thread(() -> {
            synchronized (account) {
                balance -= 30;
                try {
                    Thread.sleep(400); // keeps the monitor while sleeping
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "holder");
        Thread waiter = new Thread(() -> {
            synchronized (account) {
                balance += 10;
            }
        }, "waiter");
        holder.start();
        Thread.sleep(50);
        waiter.start();
        holder.join();
        waiter.join();
        System.out.println("balance = " + balance);
    }
}
