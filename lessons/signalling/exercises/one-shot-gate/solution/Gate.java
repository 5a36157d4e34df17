/**
 * A gate that opens once and then stays open, like a CountDownLatch with a count of one: threads that call
 * await() wait until some thread calls open(). Built on this object's monitor, with wait() and notifyAll().
 *
 * <p>The flag is read and written only while holding the monitor. A waiter checks it and calls wait() without
 * letting go of the monitor in between, and open() needs that same monitor: so open() runs either before the
 * check (the waiter sees the gate open and does not wait) or after wait() has begun (and then wakes the waiter).
 * A wake-up can no longer fall between the check and the wait and be lost.
 */
public class Gate {
    private boolean open;   // guarded by this object's monitor

    /** Opens the gate for good and lets every waiting thread through. Opening it again changes nothing. */
    public synchronized void open() {
        open = true;
        notifyAll();        // every waiter may go on, so wake them all; notify() would wake only one
    }

    /** Returns at once if the gate is open; otherwise waits until another thread opens it. */
    public synchronized void await() throws InterruptedException {
        while (!open) {     // a loop: wait() may also return without any notify (a spurious wake-up)
            wait();         // lets go of the monitor while waiting, takes it back before returning
        }
    }

    /** Whether the gate is open now. */
    public synchronized boolean isOpen() {
        return open;
    }
}
