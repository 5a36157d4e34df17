import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Check-then-act on a ConcurrentHashMap: each call is safe, the sequence of calls is not. */
public class WordTally {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public void add(String word) {
        if (!counts.containsKey(word)) {
            counts.put(word, 1);
        } else {
            counts.put(word, counts.get(word) + 1);
        }
    }

    public int count(String word) {
        return counts.getOrDefault(word, 0);
    }

    public Map<String, Integer> sorted() {
        return new TreeMap<>(counts);
    }
}
