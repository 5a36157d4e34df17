public class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(200);
        System.out.println("GO");                   // fired before any runner exists
        Thread[] runners = new Thread[4];
        for (int i = 0; i < runners.length; i++) {
            String name = "runner-" + (i + 1);
            runners[i] = new Thread(() -> System.out.println(name + " running"), name);
            runners[i].start();
        }
        for (Thread runner : runners) {
            runner.join();
        }
    }
}
