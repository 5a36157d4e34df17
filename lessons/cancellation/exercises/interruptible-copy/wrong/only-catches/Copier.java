/** Wrong on purpose: reacts to the exception only, never checks the flag. */
public final class Copier {
    private Copier() {
    }

    public static int copyAll(Source source, Sink sink) {
        int copied = 0;
        while (true) {                                      // relies on next() to throw; never checks the flag
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
