import java.util.concurrent.CyclicBarrier;

public class Main {
    public static void main(String[] args) throws Exception {
        CyclicBarrier start = new CyclicBarrier(3, () -> System.out.println("--- everyone is here ---"));
        Thread[] runners = new Thread[3];
        for (int i = 0; i < runners.length; i++) {
            int delay = 60 * (i + 1);
            runners[i] = new Thread(() -> {
                try {
                    Thread.sleep(delay);
                    System.out.println(Thread.currentThread().getName() + " at the line");
                    start.await();
                    System.out.println(Thread.currentThread().getName() + " runs");
                } catch (Exception e) {
                    System.out.println("broken: " + e);
                }
            }, "runner-" + i);
            runners[i].start();
        }
        for (Thread r : runners) {
            r.join();
        }
    }
}
