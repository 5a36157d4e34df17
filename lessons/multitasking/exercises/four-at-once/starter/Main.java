import java.util.ArrayList;
import java.util.List;

public class Main {
    static final int PART_SIZE = 1_000_000;

    public static void main(String[] args) throws InterruptedException {
        // Four tasks: task p counts the primes in [p * PART_SIZE, (p + 1) * PART_SIZE).
        long[] found = new long[4];
        List<Runnable> tasks = new ArrayList<>();
        for (int p = 0; p < found.length; p++) {
            int part = p;
            tasks.add(() -> found[part] = countPrimes(part * PART_SIZE, (part + 1) * PART_SIZE));
        }

        runAll(tasks);

        long total = 0;
        for (int p = 0; p < found.length; p++) {
            System.out.println("part " + (p + 1) + ": " + found[p] + " primes");
            total += found[p];
        }
        System.out.println("total: " + total + " primes below " + found.length * PART_SIZE);
    }

    /**
     * Runs every task and returns when all of them have finished.
     */
    static void runAll(List<Runnable> tasks) throws InterruptedException {
        // TODO: run every task on its own thread, all at the same time: task 1 on a thread named "worker-1",
        //       task 2 on "worker-2", and so on. Return only after every task has finished.
        //       For now, main runs the tasks itself, one after another.
        for (Runnable task : tasks) {
            task.run();
        }
    }

    /** Counts the prime numbers n with from <= n < to. */
    static long countPrimes(int from, int to) {
        long count = 0;
        for (int n = Math.max(from, 2); n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(int n) {
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
