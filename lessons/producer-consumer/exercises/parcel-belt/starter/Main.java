import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

public class Main {
    /** A parcel: an id and a weight in kilograms. */
    record Parcel(int id, int weight) {}

    static final int COURIERS = 3;

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Parcel> belt = new ArrayBlockingQueue<>(5);   // the conveyor belt holds five parcels

        // Two trucks bring parcels 1-40 and 41-100.
        Thread truckA = new Thread(() -> unload(belt, 1, 40), "truck-A");
        Thread truckB = new Thread(() -> unload(belt, 41, 100), "truck-B");

        List<Courier> couriers = new ArrayList<>();
        for (int c = 1; c <= COURIERS; c++) {
            couriers.add(new Courier("courier-" + c, belt));
        }

        truckA.start();
        truckB.start();
        couriers.forEach(Thread::start);

        truckA.join();
        truckB.join();
        // TODO: no parcel will come any more: tell every courier, so that each one stops.

        int parcels = 0;
        long weight = 0;
        for (Courier courier : couriers) {
            courier.join();
            parcels += courier.parcels;
            weight += courier.weight;
        }
        System.out.println("Delivered " + parcels + " parcels");
        System.out.println("Total weight: " + weight + " kg");
    }

    /** A truck puts its parcels on the belt, one every 10 ms. */
    static void unload(BlockingQueue<Parcel> belt, int firstId, int lastId) {
        try {
            for (int id = firstId; id <= lastId; id++) {
                Thread.sleep(10);
                belt.put(new Parcel(id, 1 + id * 7 % 13));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A courier takes parcels off the belt and delivers them (30 ms each), counting what it delivered. */
    static class Courier extends Thread {
        private final BlockingQueue<Parcel> belt;
        int parcels;   // written only by this courier; main reads them after join()
        long weight;

        Courier(String name, BlockingQueue<Parcel> belt) {
            super(name);
            this.belt = belt;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Parcel parcel = belt.take();
                    // TODO: stop here when there is no more work
                    Thread.sleep(30);   // driving to the address
                    parcels++;
                    weight += parcel.weight();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
