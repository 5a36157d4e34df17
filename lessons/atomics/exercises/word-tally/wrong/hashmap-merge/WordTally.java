import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** merge() on a plain HashMap: one call, but HashMap itself is not safe for several threads. */
public class WordTally {
    private final Map<String, Integer> counts = new HashMap<>();

    public void add(String word) {
        counts.merge(word, 1, Integer::sum);
    }

    public int count(String word) {
        return counts.getOrDefault(word, 0);
    }

    public Map<String, Integer> sorted() {
        return new TreeMap<>(counts);
    }
}
