/** A slow service that answers one request at a time per call: most of a call is waiting. */
public interface Service {
    int call(int request) throws InterruptedException;
}
