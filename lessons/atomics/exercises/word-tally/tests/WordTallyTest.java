import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class WordTallyTest {
    private static final String[] WORDS = {"apple", "fig", "pear", "plum"};

    @Test
    void oneThreadCountsEveryWord() {
        WordTally tally = new WordTally();
        assertEquals(0, tally.count("apple"), "a word never added counts 0");
        for (String word : "to be or not to be".split(" ")) {
            tally.add(word);
        }
        assertEquals(2, tally.count("to"));
        assertEquals(2, tally.count("be"));
        assertEquals(1, tally.count("or"));
        assertEquals(0, tally.count("maybe"));
        assertEquals(Map.of("be", 2, "not", 1, "or", 1, "to", 2), tally.sorted());
    }

    @Test
    void fourThreadsLoseNoWord() throws InterruptedException {
        WordTally tally = new WordTally();
        // The same few words from every thread, so that the threads keep colliding on the same keys.
        inFourThreadsAtOnce(() -> {
            for (int n = 0; n < 100_000; n++) {
                tally.add(WORDS[n % WORDS.length]);
            }
        });
        for (String word : WORDS) {
            assertEquals(100_000, tally.count(word),
                    "'" + word + "' lost counts: two threads read the same old count and both wrote old + 1");
        }
    }

    @Test
    void fourThreadsCountNewWordsOnce() throws InterruptedException {
        WordTally tally = new WordTally();
        inFourThreadsAtOnce(() -> {
            for (int n = 0; n < 20_000; n++) {
                tally.add("word" + n);                  // every thread adds every word once, each new at first
            }
        });
        Map<String, Integer> counts = tally.sorted();
        assertEquals(20_000, counts.size(), "every word should be in the tally once");
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            assertEquals(4, entry.getValue(), "'" + entry.getKey() + "' was added by all four threads");
        }
    }

    /** Runs the work in four threads that start at the same moment, and waits for all of them. */
    private static void inFourThreadsAtOnce(Runnable work) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(4);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                work.run();
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
