import java.util.concurrent.Semaphore;

/** Wrong: every call makes its own semaphore, so no two users ever share one: there is no limit at all. */
public class ConnectionLimiter {
    private final int maxUsers;

    public ConnectionLimiter(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    public void use(Runnable work) throws InterruptedException {
        Semaphore places = new Semaphore(maxUsers);
        places.acquire();
        try {
            work.run();
        } finally {
            places.release();
        }
    }
}
