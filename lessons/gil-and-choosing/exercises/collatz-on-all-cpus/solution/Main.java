import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToLongFunction;

public class Main {
    static final int LIMIT = 3_000_000;   // add up the Collatz steps of 1, 2, ..., LIMIT - 1
    static final int PARTS = 8;

    public static void main(String[] args) throws Exception {
        System.out.println("CPUs available: " + Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        long total = sumInParallel(PARTS, part -> stepsInPart(part, PARTS));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Collatz steps of 1.." + (LIMIT - 1) + ": " + total);
        System.out.println("took " + ms + " ms");
    }

    /**
     * Returns part.applyAsLong(0) + part.applyAsLong(1) + ... + part.applyAsLong(parts - 1).
     */
    static long sumInParallel(int parts, IntToLongFunction part) throws Exception {
        // CPU-bound work: one thread per CPU is enough, more would only take turns.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int index = p;
                results.add(pool.submit(() -> part.applyAsLong(index)));
            }
            long sum = 0;
            for (Future<Long> result : results) {
                sum += result.get();
            }
            return sum;
        } finally {
            pool.shutdown();
        }
    }

    /** Part p of `parts` takes the numbers n with n % parts == p: a fair share of easy and hard ones. */
    static long stepsInPart(int p, int parts) {
        long steps = 0;
        for (int n = p; n < LIMIT; n += parts) {
            if (n > 0) {
                steps += collatzSteps(n);
            }
        }
        return steps;
    }

    /** How many steps n -> n / 2 (n even) or n -> 3n + 1 (n odd) it takes to reach 1. */
    static int collatzSteps(long n) {
        int steps = 0;
        while (n != 1) {
            n = n % 2 == 0 ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }
}
