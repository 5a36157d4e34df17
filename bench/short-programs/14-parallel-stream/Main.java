import java.util.stream.LongStream;

public class Main {
    public static void main(String[] args) {
        long primes = LongStream.rangeClosed(2, 300_000)
                .parallel()
                .filter(Main::isPrime)
                .count();
        System.out.println("primes below 300000: " + primes);
    }

    static boolean isPrime(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) return false;
        }
        return true;
    }
}
