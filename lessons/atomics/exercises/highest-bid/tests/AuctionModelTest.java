import org.jetbrains.lincheck.datastructures.LongGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs short scenarios of bids and reads in two threads and, in each, switches threads at every read and
 * write of shared memory: a lower bid written over a higher one between the check and the write is found in the
 * first scenarios, the same ones in every grading. Every result must be one that the same calls, made one at a
 * time, could give.
 */
@Param(name = "amount", gen = LongGen.class, conf = "1:6")
public class AuctionModelTest {
    private final Auction auction = new Auction();

    @Operation
    public boolean bid(@Param(name = "amount") long amount) {
        return auction.bid(amount);
    }

    @Operation
    public long highest() {
        return auction.highest();
    }

    @Test
    void noHigherBidIsOverwrittenInAnyInterleaving() {
        new ModelCheckingOptions().iterations(10).invocationsPerIteration(100).check(AuctionModelTest.class);
    }
}
