public class Main {
    public static void main(String[] args) throws InterruptedException {
        int[] partial = new int[2];
        Thread left = new Thread(() -> {
            for (int i = 0; i < 500; i++) partial[0] += i;
            pause(150);
        }, "left-half");
        Thread right = new Thread(() -> {
            for (int i = 500; i < 1000; i++) partial[1] += i;
            pause(250);
        }, "right-half");
        left.start();
        right.start();
        left.join();
        System.out.println("left done");
        right.join();
        System.out.println("total " + (partial[0] + partial[1]));
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
