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
        Thread[] workers = startWorkers(Main::work);
        System.out.println("alive before join: " + countAlive(workers));
        joinAll(workers);
        System.out.println("alive after join: " + countAlive(workers));
    }

    /** Starts three threads named worker-1, worker-2 and worker-3, each running job, and returns them. */
    static Thread[] startWorkers(Runnable job) {
        // TODO: create and start the three threads
        return new Thread[0];
    }

    /** How many of these threads are alive right now. */
    static int countAlive(Thread[] threads) {
        return 0;   // TODO
    }

    /** Returns only when every one of these threads has finished. */
    static void joinAll(Thread[] threads) throws InterruptedException {
        // TODO
    }
}
