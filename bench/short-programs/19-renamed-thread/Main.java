public class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 4; i++) {
                try {
                    Thread.sleep(80);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("I am now called " + Thread.currentThread().getName());
            }
        });
        worker.start();
        Thread.sleep(100);
        worker.setName("renamed-by-main");
        worker.join();
    }
}
