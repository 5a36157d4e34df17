import java.util.LinkedList;

public class Main {
    private static final LinkedList<Integer> box = new LinkedList<>();
    private static final int CAPACITY = 2;

    public static void main(String[] args) throws InterruptedException {
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 6; i++) {
                synchronized (box) {
                    while (box.size() == CAPACITY) {
                        try { box.wait(); } catch (InterruptedException e) { return; }
                    }
                    box.add(i);
                    box.notifyAll();
                }
            }
        }, "producer");
        Thread consumer = new Thread(() -> {
            for (int i = 1; i <= 6; i++) {
                int item;
                synchronized (box) {
                    while (box.isEmpty()) {
                        try { box.wait(); } catch (InterruptedException e) { return; }
                    }
                    item = box.removeFirst();
                    box.notifyAll();
                }
                System.out.println("ate " + item);
                try { Thread.sleep(40); } catch (InterruptedException e) { return; }
            }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
    }
}
