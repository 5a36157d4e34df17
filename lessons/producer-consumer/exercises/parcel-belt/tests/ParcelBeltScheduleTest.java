import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the learner's whole main under the controlled scheduler, which decides at every put, take, sleep and join who
 * goes next: the trucks and couriers meet in many orders, including those where truck A, with fewer parcels, is the
 * one that finishes last.
 */
class ParcelBeltScheduleTest {

    @Test
    void everyParcelIsDeliveredWhicheverTruckFinishesLast() throws Exception {
        PrintStream screen = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(screen);
        }
        assertEquals("Delivered 100 parcels\nTotal weight: 701 kg",
                printed.toString(StandardCharsets.UTF_8).strip().replace("\r\n", "\n"),
                "what main printed once the couriers had stopped");
    }
}
