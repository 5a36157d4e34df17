/** Where the records come from. */
public interface Source {
    /** The next record; waits until there is one. Returns null when there are no more records. */
    String next() throws InterruptedException;
}
