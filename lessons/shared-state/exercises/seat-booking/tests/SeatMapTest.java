import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SeatMap used by one thread: what book(), holder() and bookedSeats() must answer when nothing races. */
class SeatMapTest {

    @Test
    void aFreeSeatGoesToItsFirstBooker() {
        SeatMap seats = new SeatMap();
        assertNull(seats.holder("B7"), "holder() of a seat that nobody has booked must be null");
        assertTrue(seats.book("B7", "ana"), "book() of a free seat must return true");
        assertEquals("ana", seats.holder("B7"), "holder() of seat B7 after ana booked it");
        assertTrue(seats.book("B8", "ben"), "book() of another free seat must return true too");
        assertEquals("ben", seats.holder("B8"), "holder() of seat B8 after ben booked it");
        assertEquals(2, seats.bookedSeats(), "bookedSeats() after two different seats were booked");
    }

    @Test
    void aTakenSeatKeepsItsHolder() {
        SeatMap seats = new SeatMap();
        assertTrue(seats.book("B7", "ana"), "book() of a free seat must return true");
        assertFalse(seats.book("B7", "ben"), "ana holds seat B7, so book() of B7 for ben must return false");
        assertEquals("ana", seats.holder("B7"),
                "a taken seat must keep its first holder: holder() of seat B7 after ben tried to book it too");
        assertEquals(1, seats.bookedSeats(), "bookedSeats() after two bookings of the same seat");
    }
}
