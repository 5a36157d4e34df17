/** Wrong on purpose: Thread.interrupted() clears the flag it reads. */
public final class Copier {
    private Copier() {
    }

    public static int copyAll(Source source, Sink sink) {
        int copied = 0;
        while (!Thread.interrupted()) {                     // reads the flag AND clears it
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
