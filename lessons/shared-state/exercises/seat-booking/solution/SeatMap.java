import java.util.concurrent.ConcurrentHashMap;

/**
 * The seats of one show and who holds each of them. Many booking threads share one SeatMap.
 *
 * <p>Every call on a ConcurrentHashMap is atomic, but two calls in a row are not: between containsKey() and put()
 * another thread can book the seat. putIfAbsent() looks and writes in one atomic step, and its answer says who won.
 */
public class SeatMap {
    private final ConcurrentHashMap<String, String> holders = new ConcurrentHashMap<>();   // seat -> name

    /**
     * Books {@code seat} for {@code name} if nobody holds it yet. Returns true if this call got the seat for
     * {@code name}, false if the seat was already taken; a taken seat keeps its holder.
     */
    public boolean book(String seat, String name) {
        // null: the seat was free and is now name's; otherwise the map kept the earlier holder and returned it.
        return holders.putIfAbsent(seat, name) == null;
    }

    /** Who holds the seat, or null while it is free. */
    public String holder(String seat) {
        return holders.get(seat);
    }

    /** How many seats are booked. */
    public int bookedSeats() {
        return holders.size();
    }
}
