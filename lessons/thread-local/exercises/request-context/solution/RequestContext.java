/**
 * Remembers which request the current thread is working on, so that helpers such as {@link Log} can find the
 * request id without it being passed to them.
 */
public final class RequestContext {
    /** What {@link #currentId()} returns on a thread that is not working on a request. */
    public static final String NONE = "none";

    /** One value per thread; a thread that never called begin (or called end) sees NONE. */
    private static final ThreadLocal<String> CURRENT_ID = ThreadLocal.withInitial(() -> NONE);

    private RequestContext() {
    }

    /** The current thread starts working on the request with this id. */
    public static void begin(String requestId) {
        CURRENT_ID.set(requestId);
    }

    /** The id of the request the current thread is working on, or NONE. */
    public static String currentId() {
        return CURRENT_ID.get();
    }

    /** The current thread has finished its request: from now on it sees NONE again. */
    public static void end() {
        CURRENT_ID.remove();
    }
}
