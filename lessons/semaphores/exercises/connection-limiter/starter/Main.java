import java.util.concurrent.atomic.AtomicInteger;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        ConnectionLimiter database = new ConnectionLimiter(3);
        AtomicInteger inside = new AtomicInteger();
        long start = System.nanoTime();

        Thread[] users = new Thread[8];
        for (int i = 0; i < users.length; i++) {
            String name = "user-" + (i + 1);
            users[i] = new Thread(() -> {
                try {
                    database.use(() -> {
                        int now = inside.incrementAndGet();
                        System.out.printf("%5d ms %s queries (%d inside)%n", (System.nanoTime() - start) / 1_000_000, name, now);
                        try {
                            Thread.sleep(300);                   // a slow query
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name);
            users[i].start();
        }
        for (Thread user : users) {
            user.join();
        }
        System.out.printf("%5d ms all %d users are done%n", (System.nanoTime() - start) / 1_000_000, users.length);
    }
}
