import java.util.List;

/**
 * A stock room: a fast stocker puts a box on the shelf every 50 ms, two slow clerks each need 200 ms to carry a
 * box into the shop. The shelf has room for three boxes. You do not need to change this file: make Shelf work.
 */
public class Main {
    record Box(int number) {}

    static final Box CLOSED = new Box(0);   // the poison pill: never a real box
    static final int BOXES = 12;
    static final int CAPACITY = 3;
    static final long START = System.nanoTime();

    static volatile int mostSeen;           // the most boxes the stocker saw on the shelf (written only by the stocker)

    public static void main(String[] args) throws InterruptedException {
        Shelf<Box> shelf = new Shelf<>(CAPACITY);
        Thread stocker = new Thread(() -> stock(shelf), "stocker");
        List<Clerk> clerks = List.of(new Clerk("clerk-1", shelf), new Clerk("clerk-2", shelf));

        stocker.start();
        clerks.forEach(Thread::start);

        stocker.join();                     // no more boxes will come...
        for (int c = 0; c < clerks.size(); c++) {
            shelf.put(CLOSED);              // ...so one pill for each clerk
        }
        int sold = 0;
        for (Clerk clerk : clerks) {
            clerk.join();
            sold += clerk.sold;
        }
        System.out.println("Sold " + sold + " of " + BOXES + " boxes");
        System.out.println("Most boxes seen on the shelf: " + mostSeen + " (capacity " + CAPACITY + ")");
    }

    /** The fast producer: a new box every 50 ms. */
    static void stock(Shelf<Box> shelf) {
        try {
            for (int i = 1; i <= BOXES; i++) {
                Thread.sleep(50);
                log("stocker: box " + i + " is ready");
                shelf.put(new Box(i));      // should wait while the shelf is full
                int now = shelf.size();
                mostSeen = Math.max(mostSeen, now);
                log("stocker: box " + i + " is on the shelf (" + now + " on the shelf)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A slow consumer: 200 ms to carry a box into the shop. */
    static class Clerk extends Thread {
        private final Shelf<Box> shelf;
        int sold;                           // written only by this clerk; main reads it after join()

        Clerk(String name, Shelf<Box> shelf) {
            super(name);
            this.shelf = shelf;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Box box = shelf.take(); // should wait while the shelf is empty
                    if (box == null) {
                        log("    " + getName() + ": take() returned null: it did not wait for a box! Giving up.");
                        break;
                    }
                    if (box == CLOSED) {
                        break;
                    }
                    Thread.sleep(200);
                    sold++;
                    log("    " + getName() + ": sold box " + box.number());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void log(String message) {
        System.out.printf("%4.2f s  %s%n", (System.nanoTime() - START) / 1e9, message);
    }
}
