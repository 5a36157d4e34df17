import java.util.concurrent.CountDownLatch;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(2);
        for (int i = 1; i <= 2; i++) {
            int n = i;
            new Thread(() -> {
                try {
                    Thread.sleep(100L * n);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("loader " + n + " done");
                ready.countDown();
            }, "loader-" + n).start();
        }
        ready.await();
        System.out.println("all loaded");
    }
}
