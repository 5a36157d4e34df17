/** Wrong: synchronized lets one thread at a time into use(), not maxUsers. */
public class ConnectionLimiter {

    public ConnectionLimiter(int maxUsers) {
    }

    public synchronized void use(Runnable work) throws InterruptedException {
        work.run();
    }
}
