import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> orders = new ArrayBlockingQueue<>(3);
        Thread kitchen = new Thread(() -> {
            try {
                while (true) {
                    String order = orders.take();
                    if (order.equals("CLOSE")) break;
                    Thread.sleep(50);
                    System.out.println("cooked " + order);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kitchen");
        Thread waiter = new Thread(() -> {
            String[] menu = {"soup", "rice", "noodles", "tea", "cake"};
            try {
                for (String dish : menu) orders.put(dish);
                orders.put("CLOSE");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waiter");
        kitchen.start();
        waiter.start();
        waiter.join();
        kitchen.join();
    }
}
