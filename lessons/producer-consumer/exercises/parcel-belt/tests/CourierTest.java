import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Gives the learner's couriers a belt of the test's own: parcels the program never sends, then one pill each. */
class CourierTest {

    @Test
    void couriersDeliverEveryParcelAndStopAtThePill() throws Exception {
        BlockingQueue<Main.Parcel> belt = new ArrayBlockingQueue<>(20);
        int parcels = 12;
        long weight = 0;
        for (int id = 1; id <= parcels; id++) {
            belt.put(new Main.Parcel(id, 3 * id));
            weight += 3 * id;
        }
        List<Main.Courier> couriers = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            belt.put(Main.NO_MORE);
            Main.Courier courier = new Main.Courier("test-courier-" + c, belt);
            courier.setDaemon(true);   // one that never stops must not keep the test's JVM alive
            couriers.add(courier);
        }
        couriers.forEach(Thread::start);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int delivered = 0;
        long delivering = 0;
        for (Main.Courier courier : couriers) {
            courier.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (courier.isAlive()) {
                fail(courier.getName() + " was still running 3 s after it got " + parcels + " parcels and then three"
                        + " pills (Main.NO_MORE), one for each courier: a courier must stop when it takes the pill");
            }
            delivered += courier.parcels;
            delivering += courier.weight;
        }
        assertEquals(parcels, delivered, "the three couriers together must count each of the " + parcels
                + " parcels once, and not the pills");
        assertEquals(weight, delivering, "the total weight of the " + parcels
                + " parcels, added up by the three couriers");
    }
}
