import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A demo for the Run button: five downloads, one of which fails and one of which is far too slow. */
public class Main {
    public static void main(String[] args) throws InterruptedException {
        Map<String, Callable<String>> jobs = new LinkedHashMap<>();
        jobs.put("report.pdf", () -> download(300, "640 KB"));
        jobs.put("photo.jpg", () -> {
            throw new IllegalStateException("the server said 404");
        });
        jobs.put("song.mp3", () -> download(500, "4096 KB"));
        jobs.put("backup.tar", () -> download(5000, "9000 KB"));   // far too slow for the limit of 1 s
        jobs.put("notes.txt", () -> download(100, "12 KB"));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Outcome> outcomes = Batch.runAll(new ArrayList<>(jobs.values()), pool, Duration.ofSeconds(1));
        pool.shutdownNow();

        List<String> names = new ArrayList<>(jobs.keySet());
        System.out.println(outcomes.size() + " outcomes for " + names.size() + " jobs");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            System.out.println(names.get(i) + ": " + (outcome.failed() ? "FAILED, " + outcome.failure() : outcome.value()));
        }
    }

    static String download(long millis, String size) throws InterruptedException {
        Thread.sleep(millis);
        return size;
    }
}
