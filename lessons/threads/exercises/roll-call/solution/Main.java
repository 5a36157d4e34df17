public class Main {
    /**
     * The job of every worker: report, work for a while, and say when it is done.
     * worker-1 works longest (1.2 s), worker-3 shortest (0.6 s). Do not change this method.
     */
    static void work() {
        String name = Thread.currentThread().getName();
        System.out.println(name + " reporting");
        long millis = switch (name) {
            case "worker-1" -> 1200;
            case "worker-2" -> 900;
            default -> 600;
        };
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            return;
        }
        System.out.println(name + " done");
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(Main::work, "worker-" + (i + 1));
            workers[i].start();
        }

        int aliveBefore = countAlive(workers);
        System.out.println("alive before join: " + aliveBefore);

        for (Thread worker : workers) {
            worker.join();
        }

        int aliveAfter = countAlive(workers);
        System.out.println("alive after join: " + aliveAfter);
    }

    static int countAlive(Thread[] threads) {
        int alive = 0;
        for (Thread t : threads) {
            if (t.isAlive()) {
                alive++;
            }
        }
        return alive;
    }
}
