/** Copies records from a source to a sink, one at a time. */
public final class Copier {

    private Copier() {
    }

    /**
     * Copies the records of source to sink, in order, and returns how many it copied. When the thread is
     * interrupted, it stops before taking another record and returns, leaving the interrupt flag set.
     */
    public static int copyAll(Source source, Sink sink) {
        int copied = 0;
        while (!Thread.currentThread().isInterrupted()) {   // asked to stop while writing? (or before we started)
            String record;
            try {
                record = source.next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();         // the exception cleared the flag: set it again
                break;
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
