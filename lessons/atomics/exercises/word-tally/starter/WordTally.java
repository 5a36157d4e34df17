import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Counts how often each word was seen. Several reader threads add words at the same time. */
public class WordTally {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public void add(String word) {
        Integer old = counts.get(word);
        counts.put(word, old == null ? 1 : old + 1);
    }

    /** How often the word was added; 0 for a word never seen. */
    public int count(String word) {
        Integer count = counts.get(word);
        return count == null ? 0 : count;
    }

    /** A copy of all counts, sorted by word. */
    public Map<String, Integer> sorted() {
        return new TreeMap<>(counts);
    }
}
