public class Main {
    public static void main(String[] args) throws InterruptedException {
        startHeartbeat();
        for (int job = 1; job <= 3; job++) {
            Thread.sleep(300);   // one job takes 0.3 s
            System.out.println("main: job " + job + " done");
        }
        System.out.println("main: all jobs done");
        // The program should end here. Do not add anything below this line.
    }

    /** Starts a thread named "heartbeat" that prints "heartbeat" every 200 ms, forever, and returns it. */
    static Thread startHeartbeat() {
        Thread heartbeat = new Thread(() -> {
            while (true) {
                System.out.println("heartbeat");
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heartbeat");
        heartbeat.setDaemon(true);   // a daemon: the JVM does not wait for it
        heartbeat.start();
        return heartbeat;
    }
}
