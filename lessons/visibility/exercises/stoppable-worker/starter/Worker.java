/**
 * A tiny load generator: run() keeps one CPU busy with arithmetic until another thread calls stop().
 */
public class Worker implements Runnable {
    private boolean running = true;
    private long rounds;
    private long last;

    @Override
    public void run() {
        long x = 1;
        long n = 0;
        while (running) {
            x = x * 6364136223846793005L + 1442695040888963407L;   // one step of a random-number generator
            n++;
        }
        rounds = n;
        last = x;
    }

    /** Asks the worker to finish: run() returns soon after. May be called from any thread. */
    public void stop() {
        running = false;
    }

    /** How many rounds run() made. Read it after the worker's thread has been joined. */
    public long rounds() {
        return rounds;
    }

    /** The last number the worker worked out. Read it after the worker's thread has been joined. */
    public long last() {
        return last;
    }
}
