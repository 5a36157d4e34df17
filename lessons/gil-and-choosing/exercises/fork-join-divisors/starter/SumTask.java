import java.util.concurrent.RecursiveTask;
import java.util.function.IntToLongFunction;

/** Adds up f(from) + f(from + 1) + ... + f(to - 1). */
class SumTask extends RecursiveTask<Long> {
    static final int THRESHOLD = 1_000;   // a range of at most this many numbers is added up directly

    private final int from;
    private final int to;
    private final IntToLongFunction f;

    SumTask(int from, int to, IntToLongFunction f) {
        this.from = from;
        this.to = to;
        this.f = f;
    }

    @Override
    protected Long compute() {
        // TODO: a range longer than THRESHOLD must be split in two halves: fork() one half, compute() the
        //       other one here, then join() the forked half and return the two results added up.
        //       For now the whole range is added up in one piece, by one thread.
        return addUpDirectly();
    }

    /** The small case: a plain loop over the range. */
    private long addUpDirectly() {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += f.applyAsLong(i);
        }
        return sum;
    }
}
