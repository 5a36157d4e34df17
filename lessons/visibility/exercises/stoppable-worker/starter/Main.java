public class Main {
    public static void main(String[] args) throws InterruptedException {
        Worker worker = new Worker();
        Thread thread = new Thread(worker, "worker");
        thread.start();

        Thread.sleep(1000);                 // let the worker run for a second
        worker.stop();
        System.out.println("main: asked the worker to stop");

        thread.join(3000);                  // it should end at once; wait at most three seconds
        if (thread.isAlive()) {
            System.out.println("main: the worker is still running 3 s after stop()");
            System.exit(1);
        }
        System.out.println("main: the worker stopped after " + worker.rounds() + " rounds");
    }
}
