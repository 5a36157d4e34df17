import java.util.concurrent.ConcurrentHashMap;

/**
 * The seats of one show and who holds each of them. Many booking threads share one SeatMap.
 */
public class SeatMap {
    private final ConcurrentHashMap<String, String> holders = new ConcurrentHashMap<>();   // seat -> name

    /**
     * Books {@code seat} for {@code name} if nobody holds it yet. Returns true if this call got the seat for
     * {@code name}, false if the seat was already taken; a taken seat keeps its holder.
     */
    public boolean book(String seat, String name) {
        if (holders.containsKey(seat)) {
            return false;                       // somebody holds it already
        }
        holders.put(seat, name);
        return true;
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
