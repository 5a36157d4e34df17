import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    static final List<String> FILES = List.of("report.pdf", "photo.jpg", "song.mp3", "notes.txt", "data.csv", "logo.png");
    static final List<Integer> SIZES_KB = List.of(640, 2310, 4096, 12, 870, 45);

    public static void main(String[] args) throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (String file : FILES) {
            tasks.add(() -> download(file));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> sizes;
        try {
            sizes = pool.invokeAll(tasks);   // waits for all six; the futures are in the order of FILES
        } finally {
            pool.shutdown();                 // no new tasks: the threads end, and so can the program
        }
        long total = 0;
        for (int i = 0; i < FILES.size(); i++) {
            int size = sizes.get(i).get();   // done already: get() returns at once
            System.out.println(FILES.get(i) + ": " + size + " KB");
            total += size;
        }
        System.out.println("total: " + total + " KB");
    }

    /** Pretends to download a file: waits, then returns its size. Files early in the list take longer. */
    static int download(String file) throws InterruptedException {
        int index = FILES.indexOf(file);
        Thread.sleep(900 - 150L * index);   // 0.9 s for the first file ... 0.15 s for the last
        return SIZES_KB.get(index);
    }
}
