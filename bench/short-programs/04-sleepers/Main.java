public class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread[] sleepers = new Thread[3];
        for (int i = 0; i < sleepers.length; i++) {
            int naps = i + 1;
            sleepers[i] = new Thread(() -> {
                for (int k = 0; k < naps; k++) {
                    try {
                        Thread.sleep(120);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.out.println(Thread.currentThread().getName() + " woke up " + (k + 1));
                }
            }, "sleeper-" + i);
            sleepers[i].start();
        }
        for (Thread s : sleepers) {
            s.join();
        }
    }
}
