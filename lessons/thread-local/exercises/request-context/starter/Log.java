/** A tiny logger: every line starts with the id of the request the current thread is working on. */
public final class Log {
    private Log() {
    }

    public static void info(String message) {
        System.out.println(RequestContext.currentId() + ": " + message);
    }
}
