import java.util.concurrent.Semaphore;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        Semaphore parking = new Semaphore(2);
        Thread[] cars = new Thread[4];
        for (int i = 0; i < cars.length; i++) {
            cars[i] = new Thread(() -> {
                String me = Thread.currentThread().getName();
                try {
                    parking.acquire();
                    try {
                        System.out.println(me + " parked");
                        Thread.sleep(150);
                    } finally {
                        parking.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "car-" + i);
            cars[i].start();
        }
        for (Thread car : cars) {
            car.join();
        }
        System.out.println("lot empty");
    }
}
