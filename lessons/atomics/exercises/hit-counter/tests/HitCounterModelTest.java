import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs short scenarios of hit() and total() in two threads and, in each, switches threads at every read and
 * write of a field: a count read by both threads before either writes it back is found in the first scenarios, the
 * same ones in every grading. Every result must be one that the same calls, made one at a time, could give.
 */
public class HitCounterModelTest {
    private final HitCounter counter = new HitCounter();

    @Operation
    public void hit() {
        counter.hit();
    }

    @Operation
    public long total() {
        return counter.total();
    }

    @Test
    void noHitIsLostInAnyInterleaving() {
        new ModelCheckingOptions().iterations(10).invocationsPerIteration(100).check(HitCounterModelTest.class);
    }
}
