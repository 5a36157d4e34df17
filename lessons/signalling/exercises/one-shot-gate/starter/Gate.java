/**
 * A gate that opens once and then stays open, like a CountDownLatch with a count of one: threads that call
 * await() wait until some thread calls open(). Built on this object's monitor, with wait() and notifyAll().
 */
public class Gate {
    private volatile boolean open;

    /** Opens the gate for good and lets every waiting thread through. Opening it again changes nothing. */
    public void open() {
        open = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Returns at once if the gate is open; otherwise waits until another thread opens it. */
    public void await() throws InterruptedException {
        if (!open) {
            synchronized (this) {
                wait();
            }
        }
    }

    /** Whether the gate is open now. */
    public boolean isOpen() {
        return open;
    }
}
