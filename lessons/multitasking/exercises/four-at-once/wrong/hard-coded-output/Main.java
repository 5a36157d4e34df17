import java.util.List;

/**
 * A cheat: prints the known counts and keeps four idle "workers" spinning side by side for the trace, while
 * runAll still runs the tasks one after another on the caller's thread.
 */
public class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread[] workers = new Thread[4];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(Main::spin, "worker-" + (i + 1));
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("part 1: 78498 primes");
        System.out.println("part 2: 70435 primes");
        System.out.println("part 3: 67883 primes");
        System.out.println("part 4: 66330 primes");
        System.out.println("total: 283146 primes below 4000000");
    }

    /** Burns a CPU for a second and a half, counting nothing. */
    static void spin() {
        long end = System.nanoTime() + 1_500_000_000L;
        long idle = 0;
        while (System.nanoTime() < end) {
            idle++;
        }
        if (idle == 42) {
            System.out.print("");
        }
    }

    static void runAll(List<Runnable> tasks) throws InterruptedException {
        for (Runnable task : tasks) {
            task.run();
        }
    }
}
