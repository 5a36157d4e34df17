import java.util.ArrayList;
import java.util.List;

/** A demo for the Run button: copies from a slow source and interrupts the copier after 1.1 s. */
public class Main {
    public static void main(String[] args) throws InterruptedException {
        Source source = new Source() {   // twenty records, one every 200 ms
            private int made = 0;

            @Override
            public String next() throws InterruptedException {
                if (made == 20) {
                    return null;
                }
                Thread.sleep(200);
                made++;
                return "record-" + made;
            }
        };
        List<String> copy = new ArrayList<>();

        Thread copier = new Thread(() -> {
            int copied = Copier.copyAll(source, copy::add);
            System.out.println("copier: copyAll returned " + copied
                    + "; interrupted flag: " + Thread.currentThread().isInterrupted());
        }, "copier");
        copier.start();

        Thread.sleep(1100);
        System.out.println("main: interrupting the copier");
        copier.interrupt();
        copier.join();
        System.out.println("main: the copy holds " + copy.size() + " records");
    }
}
