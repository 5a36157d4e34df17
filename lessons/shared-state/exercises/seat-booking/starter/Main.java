import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Opening night: six seats in the front row and four fans who start booking at the same moment. Each fan walks
 * along the row from a seat of its own and tries to book every seat it passes. You do not need to change this
 * file: make SeatMap safe.
 */
public class Main {
    static final List<String> ROW = List.of("A1", "A2", "A3", "A4", "A5", "A6");
    static final int FANS = 4;

    public static void main(String[] args) throws InterruptedException {
        SeatMap seats = new SeatMap();
        CountDownLatch doorsOpen = new CountDownLatch(1);   // holds every fan back until all are there
        List<Fan> fans = new ArrayList<>();
        for (int f = 0; f < FANS; f++) {
            fans.add(new Fan("fan-" + (f + 1), f, seats, doorsOpen));
        }
        fans.forEach(Thread::start);
        doorsOpen.countDown();

        int confirmed = 0;
        boolean everySeatIsTheirs = true;
        for (Fan fan : fans) {
            fan.join();
            System.out.println(fan.getName() + " got " + (fan.got.isEmpty() ? "nothing" : String.join(" ", fan.got)));
            confirmed += fan.got.size();
            for (String seat : fan.got) {
                // A fan who was told yes must really hold the seat, or two people turn up for it.
                everySeatIsTheirs &= fan.getName().equals(seats.holder(seat));
            }
        }
        System.out.println("Confirmed bookings: " + confirmed + " for " + ROW.size() + " seats");
        System.out.println("Every seat went to the fan who was told yes: " + everySeatIsTheirs);
    }

    static class Fan extends Thread {
        private final int firstSeat;
        private final SeatMap seats;
        private final CountDownLatch doorsOpen;
        final List<String> got = new ArrayList<>();      // written only by this fan; main reads it after join()

        Fan(String name, int firstSeat, SeatMap seats, CountDownLatch doorsOpen) {
            super(name);
            this.firstSeat = firstSeat;
            this.seats = seats;
            this.doorsOpen = doorsOpen;
        }

        @Override
        public void run() {
            try {
                doorsOpen.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < ROW.size(); i++) {
                String seat = ROW.get((firstSeat + i) % ROW.size());
                if (seats.book(seat, getName())) {
                    got.add(seat);
                }
            }
        }
    }
}
