import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Tidier than get() and put(), but still two calls on the map: counts get lost between them. */
public class WordTally {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public void add(String word) {
        counts.put(word, counts.getOrDefault(word, 0) + 1);
    }

    public int count(String word) {
        return counts.getOrDefault(word, 0);
    }

    public Map<String, Integer> sorted() {
        return new TreeMap<>(counts);
    }
}
