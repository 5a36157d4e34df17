/** The real service: 100 ms of waiting (say, for a database), then a small answer. Do not change it. */
public class SlowService implements Service {
    @Override
    public int call(int request) throws InterruptedException {
        Thread.sleep(100);
        return request % 7;
    }
}
