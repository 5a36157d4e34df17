/** Copies records from a source to a sink, one at a time. */
public final class Copier {

    private Copier() {
    }

    /** Copies the records of source to sink, in order, and returns how many it copied. */
    public static int copyAll(Source source, Sink sink) {
        int copied = 0;
        while (true) {
            String record;
            try {
                record = source.next();
            } catch (InterruptedException e) {
                continue;                      // try again
            }
            if (record == null) {
                return copied;
            }
            sink.write(record);
            copied++;
        }
    }
}
