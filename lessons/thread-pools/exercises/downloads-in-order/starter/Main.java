import java.util.List;

public class Main {
    static final List<String> FILES = List.of("report.pdf", "photo.jpg", "song.mp3", "notes.txt", "data.csv", "logo.png");
    static final List<Integer> SIZES_KB = List.of(640, 2310, 4096, 12, 870, 45);

    public static void main(String[] args) throws Exception {
        // TODO: download the six files at the same time on a pool of three threads,
        //       then print one line per file in the order of FILES, and the total.
        long total = 0;
        for (String file : FILES) {
            int size = download(file);
            System.out.println(file + ": " + size + " KB");
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
