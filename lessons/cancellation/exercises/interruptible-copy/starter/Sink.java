/** Where the records go. write() does not wait, but it may compute for a while. */
public interface Sink {
    void write(String record);
}
