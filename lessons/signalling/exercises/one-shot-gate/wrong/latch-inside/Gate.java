import java.util.concurrent.CountDownLatch;

/** Works, but does none of its own waiting: the exercise is to build what this latch does. */
public class Gate {
    private final CountDownLatch latch = new CountDownLatch(1);

    public void open() {
        latch.countDown();
    }

    public void await() throws InterruptedException {
        latch.await();
    }

    public boolean isOpen() {
        return latch.getCount() == 0;
    }
}
