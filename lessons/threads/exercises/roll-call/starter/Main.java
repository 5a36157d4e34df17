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
        // TODO: start three threads named worker-1, worker-2 and worker-3, each running work()

        int aliveBefore = 0;   // TODO: how many of the three workers are alive now?
        System.out.println("alive before join: " + aliveBefore);

        // TODO: wait until all three workers have finished

        int aliveAfter = 0;    // TODO: and how many are alive now?
        System.out.println("alive after join: " + aliveAfter);
    }
}
