import java.util.function.IntToLongFunction;

public class Main {
    static final int LIMIT = 1_000_000;   // add up the divisor counts of 1, 2, ..., LIMIT - 1

    public static void main(String[] args) {
        System.out.println("CPUs available: " + Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        long total = sum(1, LIMIT, Main::divisors);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Divisors of 1.." + (LIMIT - 1) + ": " + total);
        System.out.println("took " + ms + " ms");
    }

    /** Returns f(from) + f(from + 1) + ... + f(to - 1), added up by a SumTask. */
    static long sum(int from, int to, IntToLongFunction f) {
        // invoke() runs the task's compute() right here, in the calling thread; what compute() forks,
        // the workers of the common ForkJoinPool may steal.
        return new SumTask(from, to, f).invoke();
    }

    /** How many numbers divide n. Divisors come in pairs d and n / d, so trying d up to the square root is enough. */
    static long divisors(int n) {
        long count = 0;
        for (int d = 1; (long) d * d <= n; d++) {
            if (n % d == 0) {
                count += d * d == n ? 1 : 2;
            }
        }
        return count;
    }
}
