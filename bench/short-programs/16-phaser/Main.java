import java.util.concurrent.Phaser;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        Phaser phaser = new Phaser(1); // main takes part too
        for (int i = 0; i < 3; i++) {
            phaser.register();
            int id = i;
            new Thread(() -> {
                for (int round = 0; round < 2; round++) {
                    try {
                        Thread.sleep(30L * (id + 1));
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.out.println("hiker " + id + " reached camp " + round);
                    phaser.arriveAndAwaitAdvance();
                }
                phaser.arriveAndDeregister();
            }, "hiker-" + i).start();
        }
        phaser.arriveAndAwaitAdvance();
        phaser.arriveAndAwaitAdvance();
        phaser.arriveAndDeregister();
        System.out.println("all camps reached");
    }
}
