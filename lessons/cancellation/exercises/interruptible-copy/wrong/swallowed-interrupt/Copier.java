/** Wrong on purpose: stops, but leaves the flag cleared. */
public final class Copier {
    private Copier() {
    }

    public static int copyAll(Source source, Sink sink) {
        int copied = 0;
        while (!Thread.currentThread().isInterrupted()) {   // asked to stop while writing? (or before we started)
            String record;
            try {
                record = source.next();
            } catch (InterruptedException e) {
                break;                                      // stops, but the flag stays cleared
            }
            if (record == null) {
                break;
            }
            sink.write(record);
            copied++;
        }
        return copied;
    }
}
