public class Main {
    public static void main(String[] args) throws InterruptedException {
        HitCounter counter = new HitCounter();
        Thread[] requests = new Thread[4];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new Thread(() -> {
                for (int n = 0; n < 250_000; n++) {
                    counter.hit();
                }
            }, "request-" + (i + 1));
            requests[i].start();
        }
        for (Thread request : requests) {
            request.join();
        }
        System.out.println("Hits: " + counter.total());
    }
}
