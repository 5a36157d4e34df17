import java.util.concurrent.CountDownLatch;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        CountDownLatch gun = new CountDownLatch(1);     // opens once, when main counts it down

        Thread[] runners = new Thread[4];
        for (int i = 0; i < runners.length; i++) {
            String name = "runner-" + (i + 1);
            runners[i] = new Thread(() -> {
                try {
                    gun.await();                         // blue in the trace until main fires
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                System.out.println(name + " running");
            }, name);
            runners[i].start();
        }

        Thread.sleep(200);              // the starter checks the track first (keep this)
        System.out.println("GO");
        gun.countDown();                // GO is printed before any runner can move

        for (Thread runner : runners) {
            runner.join();
        }
    }
}
