import java.util.concurrent.Semaphore;

/**
 * Lets at most {@code maxUsers} threads use the database at the same time. A thread that comes when every
 * place is taken waits until one is free.
 */
public class ConnectionLimiter {
    private final Semaphore places;

    public ConnectionLimiter(int maxUsers) {
        places = new Semaphore(maxUsers);       // one permit per place
    }

    /** Runs {@code work} while holding one of the places; waits first if all of them are taken. */
    public void use(Runnable work) throws InterruptedException {
        places.acquire();                       // before try: an interrupted wait has taken no permit
        try {
            work.run();
        } finally {
            places.release();                   // also when work throws
        }
    }
}
