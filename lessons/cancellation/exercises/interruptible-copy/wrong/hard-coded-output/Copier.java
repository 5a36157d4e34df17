/** Wrong on purpose: returns what the demo shows, without copying anything. */
public final class Copier {
    private Copier() {
    }

    public static int copyAll(Source source, Sink sink) {
        Thread.currentThread().interrupt();
        return 5;
    }
}
