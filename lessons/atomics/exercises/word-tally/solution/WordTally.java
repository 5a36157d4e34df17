import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Counts how often each word was seen. Several reader threads add words at the same time. */
public class WordTally {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public void add(String word) {
        counts.merge(word, 1, Integer::sum);        // read, add and write in one call on the map
    }

    /** How often the word was added; 0 for a word never seen. */
    public int count(String word) {
        return counts.getOrDefault(word, 0);
    }

    /** A copy of all counts, sorted by word. */
    public Map<String, Integer> sorted() {
        return new TreeMap<>(counts);
    }
}
