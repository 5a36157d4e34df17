import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedule checks for SeatMap. Each test runs under a controlled scheduler that chooses, at every call on the
 * ConcurrentHashMap, every lock and every thread start, which thread goes next, and tries a thousand different
 * orders (always the same thousand). A check-then-act whose two steps another thread can come between fails in
 * some of them, every time the check runs.
 */
class SeatMapScheduleTest {

    /**
     * Two fans book the same seat at once. With containsKey() and then put(), both can look before either books,
     * and both are told yes.
     */
    @Test
    void twoFansNeverBothGetTheSameSeat() throws InterruptedException {
        SeatMap seats = new SeatMap();
        List<String> toldYes = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> fans = new ArrayList<>();
        for (String name : List.of("ana", "ben")) {
            fans.add(worker(name, failures, () -> {
                if (seats.book("A1", name)) {
                    toldYes.add(name);
                }
            }));
        }
        startAndJoin(fans);
        assertEquals(List.of(), failures, "exceptions thrown in the booking threads");
        if (toldYes.size() != 1) {
            fail("two fans booked seat A1 at the same time; exactly one of them may be told yes,"
                    + " but book() told yes to: " + toldYes);
        }
    }

    /**
     * Three fans each try to book both seats of a box, in different orders. Each seat must be confirmed to exactly
     * one fan, and that fan must be the one who holds it afterwards.
     */
    @Test
    void everySeatBelongsToTheFanWhoWasToldYes() throws InterruptedException {
        SeatMap seats = new SeatMap();
        List<String> confirmations = Collections.synchronizedList(new ArrayList<>());   // "seat:name"
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> fans = new ArrayList<>();
        List<List<String>> orders = List.of(List.of("B1", "B2"), List.of("B2", "B1"), List.of("B1", "B2"));
        for (int f = 0; f < orders.size(); f++) {
            String name = "fan-" + (f + 1);
            List<String> order = orders.get(f);
            fans.add(worker(name, failures, () -> {
                for (String seat : order) {
                    if (seats.book(seat, name)) {
                        confirmations.add(seat + ":" + name);
                    }
                }
            }));
        }
        startAndJoin(fans);
        assertEquals(List.of(), failures, "exceptions thrown in the booking threads");
        for (String seat : List.of("B1", "B2")) {
            List<String> toldYes = new ArrayList<>();
            for (String confirmation : confirmations) {
                if (confirmation.startsWith(seat + ":")) {
                    toldYes.add(confirmation.substring(seat.length() + 1));
                }
            }
            if (toldYes.size() != 1) {
                fail("three fans tried to book the same two seats; each seat must be confirmed to exactly one fan,"
                        + " but for seat " + seat + ", book() told yes to: " + toldYes);
            }
            assertEquals(toldYes.get(0), seats.holder(seat),
                    "the fan who was told yes must hold the seat afterwards; holder() is wrong for seat " + seat);
        }
        assertEquals(2, seats.bookedSeats(), "bookedSeats() after three fans tried to book the same two seats");
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Thread worker(String name, List<String> failures, Work work) {
        return new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failures.add(name + ": " + e);
            }
        }, name);
    }

    private static void startAndJoin(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
