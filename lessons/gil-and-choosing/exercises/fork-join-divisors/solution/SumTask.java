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
        if (to - from <= THRESHOLD) {
            return addUpDirectly();
        }
        int middle = (from + to) >>> 1;
        SumTask left = new SumTask(from, middle, f);
        SumTask right = new SumTask(middle, to, f);
        left.fork();                      // into this thread's queue: an idle worker may steal it
        long rightSum = right.compute();  // the other half: this thread works on it itself
        return left.join() + rightSum;    // the stolen half's result, or the half done here now
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
