public class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread heartbeat = new Thread(() -> {
            int beat = 0;
            while (true) {
                System.out.println("beat " + beat++);
                try {
                    Thread.sleep(60);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        Thread.sleep(250);
        System.out.println("main leaves; the daemon goes with it");
    }
}
