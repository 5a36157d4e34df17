public class Main {
    public static void main(String[] args) throws InterruptedException {
        // TODO: create the starting gun here

        Thread[] runners = new Thread[4];
        for (int i = 0; i < runners.length; i++) {
            String name = "runner-" + (i + 1);
            runners[i] = new Thread(() -> {
                // TODO: wait here until main fires the gun
                System.out.println(name + " running");
            }, name);
            runners[i].start();
        }

        Thread.sleep(200);              // the starter checks the track first (keep this)
        System.out.println("GO");
        // TODO: fire the gun, so that every waiting runner starts

        for (Thread runner : runners) {
            runner.join();
        }
    }
}
