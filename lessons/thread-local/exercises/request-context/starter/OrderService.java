/** The business logic. Note that no method here receives the request id. */
public final class OrderService {
    private OrderService() {
    }

    public static void process() {
        Log.info("received");
        checkStock();
        Log.info("done");
    }

    private static void checkStock() {
        try {
            Thread.sleep(30);   // asking the warehouse
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Log.info("stock checked");
    }
}
