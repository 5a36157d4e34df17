/** Prints what the finished demo prints, without running anything. */
public class Main {
    public static void main(String[] args) {
        System.out.println("5 outcomes for 5 jobs");
        System.out.println("report.pdf: 640 KB");
        System.out.println("photo.jpg: FAILED, java.lang.IllegalStateException: the server said 404");
        System.out.println("song.mp3: 4096 KB");
        System.out.println("backup.tar: FAILED, java.util.concurrent.TimeoutException");
        System.out.println("notes.txt: 12 KB");
    }
}
